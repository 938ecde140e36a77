/* test-notify.c: the notifications of spikes, as a notification service on the test's D-Bus records them
 *
 * Xvfb has no notification server to take a picture of: the test owns
 * org.freedesktop.Notifications on its private session bus, GLib is told
 * to use that interface (GNOTIFICATION_BACKEND=freedesktop), and each
 * Notify call is recorded and checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hub-spike-notifier.h"
#include "hub-ui-test-util.h"

#define HEADER "repoType,repoName,total,timestamp,downloads\n"

static const char introspection[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  "<method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "<arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "<arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "<arg type='u' direction='out'/></method>"
  "<method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "<method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "<method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "<arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  "<signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "<signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

typedef struct
{
  char  *summary;
  char  *body;
  char **actions;
} Recorded;

static GPtrArray *recorded;
static guint      calls;

static void
recorded_free (Recorded *r)
{
  g_free (r->summary);
  g_free (r->body);
  g_strfreev (r->actions);
  g_free (r);
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *path,
             const char            *interface,
             const char            *method,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  calls++;
  if (g_str_equal (method, "Notify"))
    {
      Recorded *r = g_new0 (Recorded, 1);

      g_variant_get (parameters, "(&su&sss^as@a{sv}i)", NULL, NULL, NULL, &r->summary, &r->body,
                     &r->actions, NULL, NULL);
      g_ptr_array_add (recorded, r);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", recorded->len));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "fake", "hub-analytics", "1", "1.2"));
  else if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "body", "actions", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gboolean
flag_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
on_name_acquired (GDBusConnection *connection,
                  const char      *name,
                  gpointer         flag)
{
  *(gboolean *) flag = TRUE;
}

static gboolean
recorded_at_least (gpointer n)
{
  return recorded->len >= GPOINTER_TO_UINT (n);
}

static gboolean
calls_at_least (gpointer n)
{
  return calls >= GPOINTER_TO_UINT (n);
}

typedef struct
{
  gboolean  done;
  guint     sent;
  GError   *error;
} Outcome;

static void
on_notified (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  outcome->sent = hub_spike_notifier_notify_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* Runs the check (on its worker thread) and waits for its result. */
static guint
notify (GApplication *application,
        GSettings    *settings,
        gboolean      window_active,
        HubSource    *before,
        HubSource    *after)
{
  Outcome outcome = { 0 };

  hub_spike_notifier_notify_async (application, settings, window_active, before, after, NULL,
                                   on_notified, &outcome);
  hub_test_wait_for (flag_set, &outcome.done, 10, "the spike check");
  g_assert_no_error (outcome.error);
  return outcome.sent;
}

/* 60 steady days of org/model; the refresh adds a 61st with nine times as many. */
static HubSource *
make_source (gboolean with_spike)
{
  g_autoptr(GString) csv = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HubDataset) dataset = NULL;
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2026, 11, 22, 6, 0, 0);
  HubDay first = hub_day_from_ymd (2026, 9, 22);

  for (int i = 0; i < 60 + (with_spike ? 1 : 0); i++)
    {
      char iso[HUB_DAY_ISO_LEN];

      hub_day_format (first + i, iso);
      g_string_append_printf (csv, "model,org/model,0,%s,%d\n", iso, i == 60 ? 9000 : 1000 + (i % 5) * 10);
      g_string_append_printf (csv, "dataset,org/steady,0,%s,%d\n", iso, 500 + (i % 3) * 5);
    }
  bytes = g_bytes_new (csv->str, csv->len);
  dataset = hub_dataset_load_bytes (bytes, "org.csv", &error);
  g_assert_no_error (error);
  return hub_source_new_for_organization ("org", "Org", dataset, fetched);
}

static void
test_spike_notified (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (introspection, NULL);
  static const GDBusInterfaceVTable vtable = { method_call, NULL, NULL, { 0 } };
  g_autoptr(GtkApplication) application = gtk_application_new (APP_ID ".TestNotify",
                                                               G_APPLICATION_NON_UNIQUE);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HubSource) before = make_source (FALSE);
  g_autoptr(HubSource) after = make_source (TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) info = NULL;
  gboolean owned = FALSE;
  Recorded *r;
  guint registration, owner;

  g_assert_nonnull (bus);
  recorded = g_ptr_array_new_with_free_func ((GDestroyNotify) recorded_free);
  registration = g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                    node->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  owner = g_bus_own_name_on_connection (bus, "org.freedesktop.Notifications",
                                        G_BUS_NAME_OWNER_FLAGS_NONE, on_name_acquired, NULL,
                                        &owned, NULL);
  hub_test_wait_for (flag_set, &owned, 10, "the notification service's name");
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);

  /* A focused window: no notification. */
  g_assert_cmpuint (notify (G_APPLICATION (application), settings, TRUE,
                            before, after), ==, 0);
  /* Not focused: the spike of the new day, and nothing of the steady dataset. */
  g_assert_cmpuint (notify (G_APPLICATION (application), settings, FALSE,
                            before, after), ==, 1);
  hub_test_wait_for (recorded_at_least, GUINT_TO_POINTER (1), 10, "a Notify call");
  r = g_ptr_array_index (recorded, 0);
  g_assert_cmpstr (r->summary, ==, "Downloads of org/model jumped");
  /* The usual count is the weekday-adjusted median of the four weeks before, near 1,020. */
  g_assert_true (g_str_has_prefix (r->body, "9000 downloads on 21 Nov 2026, where "));
  g_assert_true (g_str_has_suffix (r->body, " are usual"));
  {
    gint64 usual = g_ascii_strtoll (r->body + strlen ("9000 downloads on 21 Nov 2026, where "), NULL, 10);

    g_assert_cmpint (usual, >=, 1000);
    g_assert_cmpint (usual, <=, 1050);
  }
  g_assert_true (g_strv_contains ((const char * const *) r->actions, "default"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (application), "open-repo"));

  /* Nothing new since the last refresh: nothing sent. */
  g_assert_cmpuint (notify (G_APPLICATION (application), settings, FALSE,
                            after, after), ==, 0);

  /* The preference off: none either, as the service confirms after a
   * round trip that any Notify sent before would have preceded. */
  g_settings_set_boolean (settings, "notify-spikes", FALSE);
  g_assert_cmpuint (notify (G_APPLICATION (application), settings, FALSE,
                            before, after), ==, 0);
  {
    guint before_calls = calls;

    g_dbus_connection_call (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                            "org.freedesktop.Notifications", "GetServerInformation", NULL, NULL,
                            G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
    hub_test_wait_for (calls_at_least, GUINT_TO_POINTER (before_calls + 1), 10, "a round trip");
  }
  g_assert_cmpuint (recorded->len, ==, 1);
  g_settings_reset (settings, "notify-spikes");

  /* A newer refresh cancels the older check: it sends nothing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Outcome older = { 0 };
    guint before_calls;

    hub_spike_notifier_notify_async (G_APPLICATION (application), settings, FALSE, before, after,
                                     cancellable, on_notified, &older);
    g_cancellable_cancel (cancellable);
    hub_test_wait_for (flag_set, &older.done, 10, "the cancelled check");
    g_assert_error (older.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (older.sent, ==, 0);
    g_clear_error (&older.error);
    before_calls = calls;
    g_dbus_connection_call (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                            "org.freedesktop.Notifications", "GetServerInformation", NULL, NULL,
                            G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL, NULL);
    hub_test_wait_for (calls_at_least, GUINT_TO_POINTER (before_calls + 1), 10, "a round trip");
    g_assert_cmpuint (recorded->len, ==, 1);
  }

  g_bus_unown_name (owner);
  g_dbus_connection_unregister_object (bus, registration);
  g_clear_pointer (&recorded, g_ptr_array_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);
  hub_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/notify/spike", test_spike_notified);

  return g_test_run ();
}
