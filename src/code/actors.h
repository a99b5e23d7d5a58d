/* actors.h: the actor stage: dictionary matches in a document become actor mentions. */
#ifndef SR_CODE_ACTORS_H
#define SR_CODE_ACTORS_H

#include "dict.h"

/* Adds the built-in dictionaries (Phoenix actors and agents, sitrep's supplement). */
sr_status sr_dict_load_default(sr_dict *d);

/* Reads a dictionary in sitrep's supplement format (docs/DICTIONARIES.md). Errors as
 * for sr_dict_load_mem. */
sr_status sr_dict_load_supplement(sr_dict *d, const char *name, const char *data, size_t len);
sr_status sr_dict_load_supplement_file(sr_dict *d, const char *path);

/* Finds the actors in an analysed document (tokens and sentences made) and appends
 * SR_MENTION_ACTOR mentions to out, codes resolved against doc->published. */
sr_status sr_actors_find(const sr_dict *d, sr_doc *doc, sr_mentions *out);

#endif
