/* validate.h: `sitrep validate` (validate.c), the event coder against the field's
 * conformance suites. */
#ifndef SR_CLI_VALIDATE_H
#define SR_CLI_VALIDATE_H

int sr_cmd_validate(int argc, char **argv);

#endif
