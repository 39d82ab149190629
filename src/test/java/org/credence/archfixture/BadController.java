package org.credence.archfixture;

import org.springframework.web.bind.annotation.RestController;

/** A controller outside a web package, on purpose. */
@RestController
class BadController {

}
