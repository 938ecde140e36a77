/* hub-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-application.h"
#include "hub-cli.h"
#include "hub-report.h"
#include "hub-ui.h"
#include "hub-window.h"

struct _HubApplication
{
  AdwApplication parent_instance;

  gboolean       open_demo;  /* --demo, in the primary instance */
  char        ***arguments;  /* while the command line is handled here */
};

G_DEFINE_FINAL_TYPE (HubApplication, hub_application, ADW_TYPE_APPLICATION)

/* The whole command line is src/cli's: this only hands over to it. */
static int
hub_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  HubApplication *self = HUB_APPLICATION (app);

  return hub_cli_handle_local_options (app, options, self->arguments ? *self->arguments : NULL,
                                       &hub_report_command, 1, &self->open_demo);
}

/* handle-local-options sees the options only: the arguments left after
 * them (--snapshot's names, --logs-summary's files) are kept here for it. */
static gboolean
hub_application_local_command_line (GApplication   *app,
                                    char         ***arguments,
                                    int            *exit_status)
{
  HubApplication *self = HUB_APPLICATION (app);
  gboolean handled;

  self->arguments = arguments;
  handled = G_APPLICATION_CLASS (hub_application_parent_class)->local_command_line (app, arguments,
                                                                                   exit_status);
  self->arguments = NULL;
  return handled;
}

static HubWindow *
get_window (HubApplication *self,
            gboolean       *created)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  *created = window == NULL;
  if (window == NULL)
    window = GTK_WINDOW (hub_window_new (GTK_APPLICATION (self)));
  return HUB_WINDOW (window);
}

static void
hub_application_activate (GApplication *app)
{
  HubApplication *self = HUB_APPLICATION (app);
  gboolean created;
  HubWindow *window = get_window (self, &created);

  if (self->open_demo)
    hub_window_open_demo (window);
  else if (created)
    hub_window_restore_last_source (window);
  self->open_demo = FALSE;
  gtk_window_present (GTK_WINDOW (window));
}

/* `hub-analytics FILE…`: each file its own source. */
static void
hub_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  HubApplication *self = HUB_APPLICATION (app);
  gboolean created;
  HubWindow *window = get_window (self, &created);

  for (int i = 0; i < n_files; i++)
    hub_window_open_file (window, files[i]);
  if (self->open_demo)
    hub_window_open_demo (window);
  self->open_demo = FALSE;
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  HubApplication *self = user_data;

  self->open_demo = TRUE;
  g_application_activate (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Hub Analytics contributors", NULL };
  AdwDialog *about;

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("Hub Analytics"),
                        "application-icon", APP_ID,
                        "website", "https://github.com/hubanalytics/HubAnalytics",
                        "issue-url", "https://github.com/hubanalytics/HubAnalytics/issues",
                        "copyright", "© 2026 Hub Analytics contributors",
                        "developer-name", _("Hub Analytics contributors"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Downloads of an organisation’s models and datasets on the "
                                      "Hugging Face Hub, day by day"),
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (app)));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing (not destroying) runs each window's close-request: its size is saved. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  HubApplication *self = user_data;
  gboolean created;

  hub_window_show_preferences (get_window (self, &created));
}

/* Enabled by the window while someone is signed in. */
static void
sign_out_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (HUB_IS_WINDOW (window))
    hub_window_sign_out (HUB_WINDOW (window));
}

static const GActionEntry app_entries[] = {
  { "open-demo", open_demo_activated },
  { "about", about_activated },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "sign-out", sign_out_activated },
};

static void
hub_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.export-breakdown", { "<Control>e", NULL } },
    { "win.export-table", { "<Control><Shift>e", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.refresh", { "F5", "<Control>r", NULL } },
  };

  /* The resource first, where GtkApplication looks for the shortcuts window
   * and icons; then, with a display, the styles. */
  hub_ui_init ();
  G_APPLICATION_CLASS (hub_application_parent_class)->startup (app);
  hub_ui_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "sign-out")),
                               FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
hub_application_class_init (HubApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = hub_application_local_command_line;
  app_class->handle_local_options = hub_application_handle_local_options;
  app_class->startup = hub_application_startup;
  app_class->activate = hub_application_activate;
  app_class->open = hub_application_open;
}

static void
hub_application_init (HubApplication *self)
{
  hub_cli_add_options (G_APPLICATION (self), &hub_report_command, 1);
}

HubApplication *
hub_application_new (void)
{
  return g_object_new (HUB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/hubanalytics/HubAnalytics",
                       NULL);
}
