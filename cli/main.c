/* main.c: the sitrep command line (being written). */
#include "sitrep.h"
int main(void) { return 0; }
