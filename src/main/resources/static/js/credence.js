// Credence UI behaviour: CSRF header for htmx, the language switch keeping the current query,
// live USCC check digit validation, and confirmation prompts. No inline scripts (CSP).
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // GB 32100-2015: 18 characters from this alphabet, the last a check character over the first 17.
  var USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

  function usccProblem(value) {
    if (!value) { return null; }
    var code = value.trim().toUpperCase();
    if (code.length !== 18) { return 'length'; }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      var v = USCC_ALPHABET.indexOf(code.charAt(i));
      if (v < 0) { return 'characters'; }
      sum += v * USCC_WEIGHTS[i];
    }
    var check = (31 - (sum % 31)) % 31;
    if (USCC_ALPHABET.indexOf(code.charAt(17)) < 0) { return 'characters'; }
    return USCC_ALPHABET.charAt(check) === code.charAt(17) ? null : 'check-digit';
  }

  function validateUscc(input) {
    var countryField = input.form ? input.form.querySelector('[name="country"]') : null;
    var country = countryField ? countryField.value : 'CN';
    var feedback = document.getElementById(input.id + '-live');
    var problem = country === 'CN' ? usccProblem(input.value) : null;
    if (problem) {
      input.classList.add('is-invalid');
      if (feedback) {
        feedback.textContent = input.dataset['msg' + problem.replace(/-(.)/g, function (m, c) { return c.toUpperCase(); }).replace(/^./, function (c) { return c.toUpperCase(); })] || problem;
        feedback.hidden = false;
      }
    } else {
      input.classList.remove('is-invalid');
      if (feedback) { feedback.hidden = true; }
    }
  }

  document.addEventListener('input', function (event) {
    if (event.target.matches && event.target.matches('input[data-uscc]')) {
      validateUscc(event.target);
    }
  });

  // A value typed (or filled in by the browser) before this script ran gets checked too;
  // a field the server already marked keeps the server's message alone.
  function validateTypedUsccs() {
    document.querySelectorAll('input[data-uscc]').forEach(function (input) {
      if (input.value && !input.classList.contains('is-invalid')) {
        validateUscc(input);
      }
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', validateTypedUsccs);
  } else {
    validateTypedUsccs();
  }

  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select[data-autosubmit]')) {
      event.target.form.requestSubmit();
    }
  });
})();
