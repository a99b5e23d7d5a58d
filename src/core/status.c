/* status.c: messages for sr_status, generated from the table in sitrep.h. */
#include "internal.h"

const char *sr_strerror(sr_status st)
{
    static const char *const msg[] = {
#define SR_X_MSG(name, text) text,
        SR_STATUS_MAP(SR_X_MSG)
#undef SR_X_MSG
    };
    if ((unsigned)st >= SR_STATUS_COUNT)
        return "unknown status";
    return msg[st];
}
