/* hub-ui.h: what src/ui needs before its first widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hub_ui_ensure_resources (void);
void hub_ui_init             (void);
void hub_ui_set_css_class    (GtkWidget  *widget,
                              const char *css_class,
                              gboolean    set);

G_END_DECLS
