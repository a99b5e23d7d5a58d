/* gazetteer_data.S: the built-in gazetteer (data/places/gazetteer.tsv, text),
 * assembled into the library so the program needs no data file at run time. */
    .section .rodata
    .balign 16
    .globl sr_gazetteer_data_start
    .globl sr_gazetteer_data_end
sr_gazetteer_data_start:
    .incbin "data/places/gazetteer.tsv"
sr_gazetteer_data_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
