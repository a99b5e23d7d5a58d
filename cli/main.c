/* main.c: the sitrep command line: dispatches to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "extract.h"
#include "ingest.h"
#include "sitrep.h"
#include "validate.h"

static void usage(FILE *f)
{
    fputs("usage: sitrep COMMAND [OPTIONS]\n"
          "\n"
          "commands:\n"
          "  extract [OPTIONS] [INPUT...]   read reports, print documents, mentions, claims\n"
          "  ingest --db FILE [INPUT...]    read reports into a SQLite database\n"
          "  figures --db FILE              print the figures reconciled across reports\n"
          "  report --db FILE [-o FILE]     write a situation report (Markdown or HTML)\n"
          "  validate tabari DIR            run TABARI's validation suite on the event coder\n"
          "  validate petrarch FILE.xml     score the event coder on PETRARCH's unit records\n"
          "  validate plover FILE           score PLOVER event types on PLOVER's gold records\n"
          "  version                        print the version\n"
          "\n"
          "Run 'sitrep COMMAND --help' for the options of a command.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "extract"))
        return sr_cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest"))
        return sr_cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "figures") || !strcmp(cmd, "report"))
        return sr_cmd_view(argc - 1, argv + 1);
    if (!strcmp(cmd, "validate"))
        return sr_cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("sitrep %s\n", SR_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "sitrep: unknown command '%s'\n", cmd);
    usage(stderr);
    return 1;
}
