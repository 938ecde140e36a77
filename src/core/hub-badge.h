/* hub-badge.h: a badge of downloads in the shields.io look, as SVG, and its Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hub-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_BADGE_LAST_30_DAYS,
  HUB_BADGE_ALL_TIME,
  HUB_BADGE_THIS_MONTH,   /* the calendar month of asOf, to asOf */
} HubBadgeFigure;

typedef enum
{
  HUB_BADGE_LIGHT,   /* for a light page: shields.io's own colours */
  HUB_BADGE_DARK,    /* for a dark page */
} HubBadgeVariant;

/* The height of every badge, in pixels. */
#define HUB_BADGE_HEIGHT 20

gint64  hub_badge_count         (HubDataset      *dataset,
                                 const HubRepo   *repo,
                                 HubBadgeFigure   figure);
char   *hub_badge_format_count  (gint64           count);
const char *hub_badge_label     (HubBadgeFigure   figure);
double  hub_badge_text_width    (const char      *text);
char   *hub_badge_svg           (const char      *label,
                                 const char      *value,
                                 HubBadgeVariant  variant,
                                 guint           *width);
char   *hub_badge_markdown      (const char      *label,
                                 const char      *value,
                                 const char      *image,
                                 const char      *link);

G_END_DECLS
