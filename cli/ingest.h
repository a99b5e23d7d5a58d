/* ingest.h: the store's commands: `sitrep ingest` (ingest.c), `sitrep figures` and
 * `sitrep report` (figures.c). */
#ifndef SR_CLI_INGEST_H
#define SR_CLI_INGEST_H

int sr_cmd_ingest(int argc, char **argv);
/* `figures` or `report`, as argv[0] says. */
int sr_cmd_view(int argc, char **argv);

#endif
