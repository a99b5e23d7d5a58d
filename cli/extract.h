/* extract.h: the `sitrep extract` command. */
#ifndef SR_CLI_EXTRACT_H
#define SR_CLI_EXTRACT_H

int sr_cmd_extract(int argc, char **argv);

#endif
