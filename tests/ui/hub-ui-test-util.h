/* hub-ui-test-util.h: what the window and widget tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

#include "hub-window.h"

G_BEGIN_DECLS

void        hub_test_ui_init         (int          *argc,
                                      char       ***argv);
void        hub_test_wait_frames     (guint         n);
void        hub_test_set_preset      (HubRangePreset preset);
void        hub_test_wait_loaded     (HubWindow    *window);
HubWindow  *hub_test_open_window     (const char   *fixture,
                                      int           width,
                                      int           height);
void        hub_test_close_window    (HubWindow    *window);
GtkWidget  *hub_test_find_named      (GtkWidget    *root,
                                      const char   *name);
GtkWidget  *hub_test_find_type       (GtkWidget    *root,
                                      GType         type);
const char *hub_test_label_text      (GtkWidget    *root,
                                      const char   *name);
GdkTexture *hub_test_render          (GtkWidget    *widget);
char       *hub_test_fixture_path    (const char   *name);

typedef gboolean (*HubTestDone) (gpointer data);

void        hub_test_wait_for        (HubTestDone   done,
                                      gpointer      data,
                                      guint         seconds,
                                      const char   *what);
char       *hub_test_listen_local    (SoupServer   *server);

GtkWindow  *hub_test_present_dialog  (GtkWidget    *dialog,
                                      int           width,
                                      int           height);

void        hub_test_activate_row    (HubWindow    *window,
                                      guint         position);
void        hub_test_open_repo       (HubWindow    *window,
                                      guint         index);
HubDataset *hub_test_insights_dataset (gboolean     with_space);
void        hub_test_save_author_snapshots (void);

G_END_DECLS
