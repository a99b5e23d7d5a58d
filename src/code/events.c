/* events.c: the pipeline's event stage: codes each prose sentence of a document with the
 * event coder and keeps the events in the document's arena, with their PLOVER type and
 * the sentence's day (the publication day moved by a time phrase such as "yesterday"). */
#include <string.h>

#include "coder.h"
#include "events.h"
#include "plover.h"

static const char *keep(sr_doc *d, const char *s)
{
    return sr_arena_strndup(d->arena, s ? s : "", s ? strlen(s) : 0);
}

sr_status sr_events_find(sr_coder *c, sr_doc *d)
{
    sr_doc_event *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t si = 0; si < d->nsentences; si++) {
        const sr_sentence *s = &d->sentences[si];
        if (s->furniture || !s->ntokens)
            continue;
        sr_coded r;
        sr_status st = sr_coder_code(c, d, s->first_token, s->first_token + s->ntokens,
                                     d->published, &r);
        if (st)
            return st;
        sr_ymd day = d->published;
        if (r.shifted && day.year)
            day = sr_days_to_ymd(sr_ymd_to_days(day) + r.shift);
        for (size_t k = 0; k < r.nevents; k++) {
            const sr_event *e = &r.events[k];
            sr_doc_event *o = sr_arena_push(d->arena, (void **)&v, &n, &cap, sizeof *v, 8);
            if (!o)
                return SR_NOMEM;
            memset(o, 0, sizeof *o);
            o->sentence = (uint32_t)si;
            o->clause = e->clause;
            o->source = keep(d, e->source);
            o->target = keep(d, e->target);
            o->code = keep(d, e->code);
            o->pattern = keep(d, e->pattern);
            if (!o->source || !o->target || !o->code || !o->pattern)
                return SR_NOMEM;
            o->plover = sr_plover_type(o->code);
            o->source_start = e->source_span.start;
            o->source_end = e->source_span.end;
            o->target_start = e->target_span.start;
            o->target_end = e->target_span.end;
            o->verb_start = e->verb_span.start;
            o->verb_end = e->verb_span.end;
            o->day = day;
            o->flags = (uint8_t)(((e->flags & SR_EV_PASSIVE) ? SR_EVENT_PASSIVE : 0) |
                                 ((e->flags & SR_EV_PAIRED) ? SR_EVENT_PAIRED : 0) |
                                 ((e->flags & SR_EV_DEFAULT) ? SR_EVENT_DEFAULT : 0));
        }
    }
    d->events = v;
    d->nevents = n;
    return SR_OK;
}
