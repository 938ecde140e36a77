/* hub-badge-file.h: a badge of downloads saved as an SVG file or copied as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hub-badge.h"

G_BEGIN_DECLS

/* What a badge shows and where it points: the organisation's (repo the
 * dataset's overall series) in Insights, or one repository's on its page. */
typedef struct
{
  HubDataset      *dataset;
  const HubRepo   *repo;    /* of dataset */
  HubBadgeFigure   figure;
  HubBadgeVariant  variant;
  const char      *name;    /* the start of the file's name: the source's or the repository's */
  const char      *link;    /* the page the Markdown links to */
} HubBadgeSpec;

/* The badge a page offers now (a new spec). */
typedef HubBadgeSpec *(*HubBadgeSpecFunc) (GtkWidget *page);

/* Says a result to the user (a toast), on the widget that asked. */
typedef void (*HubBadgeReport) (GtkWidget  *widget,
                                const char *message);

/* The figure and the variant are those the user chose last, in either
 * place: the settings' badge-figure and badge-variant. Freed with
 * g_free(); dataset must outlive it. */
HubBadgeSpec *hub_badge_spec_new   (HubDataset         *dataset,
                                    const HubRepo      *repo,
                                    const char         *name,
                                    const char         *link,
                                    GSettings          *settings);
/* Toggles of the figure (named month, all-time, this-month) and the
 * variant (light, dark) that show and change the settings' choice. */
void  hub_badge_bind_toggles       (GSettings          *settings,
                                    AdwToggleGroup     *figure,
                                    AdwToggleGroup     *variant);
/* The choice as the stateful actions badge-figure and badge-variant, for
 * a menu's radio items. */
void  hub_badge_add_choice_actions (GSettings          *settings,
                                    GActionMap         *map);

char *hub_badge_spec_dup_svg       (const HubBadgeSpec *spec);
char *hub_badge_spec_dup_file_name (const HubBadgeSpec *spec);
char *hub_badge_spec_dup_markdown  (const HubBadgeSpec *spec);
/* PREFIX.save-badge (Save Badge…) and PREFIX.copy-badge (Copy Badge as
 * Markdown) on a page's class: each saves or copies the badge dup_spec
 * gives and says how it went through report. */
void  hub_badge_install_actions    (GtkWidgetClass     *widget_class,
                                    const char         *prefix,
                                    HubBadgeSpecFunc    dup_spec,
                                    HubBadgeReport      report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HubBadgeSpec, g_free)

G_END_DECLS
