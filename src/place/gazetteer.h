/* gazetteer.h: places: a gazetteer of countries, first-level regions and cities, and
 * the stage that finds and resolves place names in a document. */
#ifndef SR_PLACE_GAZETTEER_H
#define SR_PLACE_GAZETTEER_H

#include "../core/internal.h"

typedef struct sr_gazetteer sr_gazetteer;

/* An empty gazetteer; NULL on out-of-memory. Free with sr_gazetteer_free. */
sr_gazetteer *sr_gazetteer_new(void);
void sr_gazetteer_free(sr_gazetteer *g);

/* Adds the built-in gazetteer (data/places, embedded in the library). */
sr_status sr_gazetteer_load_default(sr_gazetteer *g);

/* Adds entries from bytes in the gazetteer's file format; name is for messages. A
 * malformed line is skipped and counted; the first error ("name:line: expected ...")
 * is kept for sr_gazetteer_error and its status returned. */
sr_status sr_gazetteer_load_mem(sr_gazetteer *g, const char *name, const char *data, size_t len);

/* The first error as one line, or "". */
const char *sr_gazetteer_error(const sr_gazetteer *g);

/* Finds place names in an analysed document (tokens and sentences made), resolves each
 * to one entry, and appends SR_MENTION_PLACE mentions to out. */
sr_status sr_places_find(const sr_gazetteer *g, sr_doc *doc, sr_mentions *out);

#endif
