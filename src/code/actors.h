/* actors.h: the actor stage: dictionary matches in a document become actor mentions. */
#ifndef SR_CODE_ACTORS_H
#define SR_CODE_ACTORS_H

#include "dict.h"

/* Adds the built-in dictionaries (Phoenix actors and agents, sitrep's supplement), which
 * the library embeds (data/actors/, dict_data.S). The Phoenix files are read without
 * stems (SR_DICT_NO_STEMS); the supplement comes last and takes over the names it shares
 * with them. Returns SR_OK, or SR_NOMEM with the dictionary usable but incomplete. */
sr_status sr_dict_load_default(sr_dict *d);

/* Reads a dictionary in sitrep's supplement format (docs/DICTIONARIES.md) from bytes
 * (copied as needed; the caller keeps data); name is used in messages. A name an
 * earlier file already has is taken over (a person's primary name: the whole entry). A
 * malformed line is skipped and counted; the first error's status is returned (SR_DICT,
 * SR_DATE, SR_LIMIT) with its "name:line: expected ..." message in sr_dict_error(), and
 * the rest of the file is still read. SR_NOMEM leaves the dictionary usable. */
sr_status sr_dict_load_supplement(sr_dict *d, const char *name, const char *data, size_t len);
/* The same for a file path: SR_NOTFOUND / SR_IO when it cannot be read. */
sr_status sr_dict_load_supplement_file(sr_dict *d, const char *path);

/* Finds the actors in an analysed document (tokens and sentences made; tokens marked
 * SR_TF_USED are skipped) and appends SR_MENTION_ACTOR mentions to out, codes resolved
 * against doc->published. Codes and entry names are NUL-terminated strings in doc's arena
 * or in d, which must outlive the document. Returns SR_OK or SR_NOMEM (mentions
 * appended so far stay). */
sr_status sr_actors_find(const sr_dict *d, sr_doc *doc, sr_mentions *out);

#endif
