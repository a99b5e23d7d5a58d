/* cache.c: publishing caches of constant data (word-list indexes, bit tables) that are
 * built on first use and then shared read-only by every thread. */
#include <stdlib.h>

#include "internal.h"

void *sr_cache_publish(void *_Atomic *slot, void *fresh)
{
    void *expected = NULL;
    if (atomic_compare_exchange_strong_explicit(slot, &expected, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    free(fresh); /* another thread published first; its cache is the same */
    return expected;
}
