/* hub-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hub-application.h"
#include "hub-cli.h"
#include "hub-cli-fetch.h"

struct _HubApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (HubApplication, hub_application, ADW_TYPE_APPLICATION)

/* Runs in the calling process before the single-instance hand-over, so
 * `--summary` needs no display and no D-Bus. */
static int
hub_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *summary = NULL;
  const char *org = NULL;
  const char *fetch = NULL;

  if (g_variant_dict_lookup (options, "summary", "^&ay", &summary))
    return hub_cli_summary (summary);

  g_variant_dict_lookup (options, "org", "&s", &org);
  g_variant_dict_lookup (options, "fetch", "^&ay", &fetch);
  if (fetch != NULL || org != NULL)
    {
      if (fetch == NULL || org == NULL)
        {
          g_printerr ("hub-analytics: %s\n", _("--fetch and --org go together: --org ORG --fetch OUT.csv"));
          return 2;
        }
      return hub_cli_fetch (org, fetch);
    }

  return -1;
}

static void
hub_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Hub Analytics"));
      gtk_window_set_default_size (window, 1100, 760);
    }
  gtk_window_present (window);
}

static void
hub_application_class_init (HubApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = hub_application_handle_local_options;
  app_class->activate = hub_application_activate;
}

static void
hub_application_init (HubApplication *self)
{
  static const GOptionEntry entries[] = {
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Print a JSON summary of a breakdown file (- for standard input) and exit"), N_("FILE") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the demo data"), NULL },
    { "org", 0, 0, G_OPTION_ARG_STRING, NULL, N_("The organisation to fetch, with --fetch"), N_("ORG") },
    { "fetch", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Fetch the organisation’s download breakdown into a CSV file and exit"), N_("OUT.csv") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

HubApplication *
hub_application_new (void)
{
  return g_object_new (HUB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}
