/* dict_data.S: the built-in dictionaries (data/actors/), embedded in the library so the
 * program needs no data files at run time. Each file is a start and an end symbol; the
 * bytes are not NUL-terminated. Read by dict_default.c. */
        .section .rodata

#define SR_EMBED(sym, file)                     \
        .balign 16;                             \
        .globl sym##_start;                     \
        .globl sym##_end;                       \
sym##_start:                                    \
        .incbin file;                           \
sym##_end:

SR_EMBED(sr_data_phoenix_countries, "data/actors/Phoenix.Countries.actors.txt")
SR_EMBED(sr_data_phoenix_international, "data/actors/Phoenix.International.actors.txt")
SR_EMBED(sr_data_phoenix_milnonstate, "data/actors/Phoenix.MilNonState.actors.txt")
SR_EMBED(sr_data_phoenix_agents, "data/actors/Phoenix.agents.txt")
SR_EMBED(sr_data_supplement, "data/actors/supplement.txt")
SR_EMBED(sr_data_cameo_verbs, "data/actors/CAMEO.2.0.verbs.txt")

        .section .note.GNU-stack,"",@progbits
