// Credit application form: flags an amount above the recommendation or the grade maximum
// as it is typed (the server flags it again on the application).
(function () {
  var facts = document.getElementById('customer-facts');
  var amount = document.getElementById('amount');
  var type = document.getElementById('type');
  if (!facts || !amount) {
    return;
  }
  var recommended = parseFloat(facts.dataset.recommended || '0');
  var maximum = parseFloat(facts.dataset.maximum || '0');
  var current = parseFloat(facts.dataset.current || '0');
  function update() {
    var value = parseFloat((amount.value || '').replace(/,/g, ''));
    var kind = type ? type.value : 'NEW';
    var resulting = kind === 'TEMPORARY' ? current + value : value;
    var above = !isNaN(value) && kind !== 'DECREASE';
    document.getElementById('flag-above-recommendation').classList.toggle('d-none', !(above && resulting > recommended));
    document.getElementById('flag-above-maximum').classList.toggle('d-none', !(above && resulting > maximum));
  }
  amount.addEventListener('input', update);
  if (type) {
    type.addEventListener('change', update);
  }
  update();
})();
