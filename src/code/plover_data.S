/* plover_data.S: the CAMEO-to-PLOVER conversion table (data/eventcoding/), embedded in
 * the library so the program needs no data file at run time. The bytes run from the
 * start symbol to the end symbol and are not NUL-terminated. Read by plover.c. */
        .section .rodata
        .balign 16
        .globl sr_data_plover_start
        .globl sr_data_plover_end
sr_data_plover_start:
        .incbin "data/eventcoding/CAMEO2PLOVER-2021.txt"
sr_data_plover_end:

        .section .note.GNU-stack,"",@progbits
