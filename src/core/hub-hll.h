/* hub-hll.h: HyperLogLog sketches of identity hashes (precision 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HUB_HLL_PRECISION 14
#define HUB_HLL_REGISTERS (1u << HUB_HLL_PRECISION)

/* While its distinct hashes take less room than the registers, a sketch
 * keeps the hashes themselves and counts exactly. */
#define HUB_HLL_SPARSE_MAX (HUB_HLL_REGISTERS / sizeof (guint64))

typedef struct _HubHll HubHll;

HubHll       *hub_hll_new            (void);
HubHll       *hub_hll_copy           (const HubHll  *hll);
void          hub_hll_free           (HubHll        *hll);
void          hub_hll_add            (HubHll        *hll,
                                      guint64        hash);
void          hub_hll_prefetch       (const HubHll  *hll,
                                      guint64        hash);
void          hub_hll_merge          (HubHll        *hll,
                                      const HubHll  *other);
guint64       hub_hll_estimate       (const HubHll  *hll);
gboolean      hub_hll_is_sparse      (const HubHll  *hll);
gboolean      hub_hll_equal          (const HubHll  *a,
                                      const HubHll  *b);

void          hub_hll_serialize      (const HubHll  *hll,
                                      GByteArray    *out);
HubHll       *hub_hll_deserialize    (const guint8 **data,
                                      const guint8  *end);

char         *hub_hll_to_text        (const HubHll  *hll);
HubHll       *hub_hll_from_text      (const char    *text,
                                      gsize          len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubHll, hub_hll_free)

G_END_DECLS
