/* hub-background.c: running in the background, through the desktop's Background portal
 *
 * org.freedesktop.portal.Background's RequestBackground, over GDBus (the
 * stack has no libportal): asks that Hub Analytics may run in the
 * background and start at login with commandline, and waits for the
 * Request object's Response. The request's path is known before the call
 * (the sender's unique name and a handle token), so the answer is never
 * missed. Without the portal the answer is HUB_BACKGROUND_NO_PORTAL, not
 * an error: the caller takes its snapshots at start-up instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-background.h"

#define PORTAL_BUS_NAME   "org.freedesktop.portal.Desktop"
#define PORTAL_PATH       "/org/freedesktop/portal/desktop"
#define BACKGROUND_IFACE  "org.freedesktop.portal.Background"
#define REQUEST_IFACE     "org.freedesktop.portal.Request"

typedef struct
{
  GDBusConnection *connection;
  char            *request_path;
  guint            response_id;
  gulong           cancelled_id;
} Request;

static void
request_free (Request *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  g_clear_object (&request->connection);
  g_free (request->request_path);
  g_free (request);
}

static void
on_response (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response;
  gboolean background = FALSE;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;
  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "background", "b", &background);

  g_dbus_connection_signal_unsubscribe (connection, request->response_id);
  request->response_id = 0;
  g_task_return_int (task, response == 0 && background ? HUB_BACKGROUND_GRANTED
                                                       : HUB_BACKGROUND_REFUSED);
  g_object_unref (task);
}

static void
on_called (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;  /* the call's reference */
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result,
                                                             &error);

  /* A reply: the answer comes (or came) as the Request's Response. */
  if (reply != NULL || request->response_id == 0)
    return;

  g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  request->response_id = 0;
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER))
    g_task_return_int (task, HUB_BACKGROUND_NO_PORTAL);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  /* The signal's reference, which no Response will release now. */
  g_object_unref (task);
}

/* Asks the Background portal on connection that the app may run in the
 * background and be started at login with commandline. parent_window is
 * the portal's window identifier ("" for none). */
void
hub_background_request_async (GDBusConnection     *connection,
                              const char          *parent_window,
                              const char          *reason,
                              const char * const  *commandline,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;  /* one reference for the Response, one for the call */
  Request *request;
  g_autofree char *sender = NULL;
  g_autofree char *token = NULL;
  GVariantBuilder options;

  g_return_if_fail (G_IS_DBUS_CONNECTION (connection));
  g_return_if_fail (commandline != NULL && commandline[0] != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hub_background_request_async);
  request = g_new0 (Request, 1);
  request->connection = g_object_ref (connection);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  /* ":1.42" → "1_42", as the portal names its Request objects. */
  sender = g_strdup (g_dbus_connection_get_unique_name (connection) + 1);
  g_strdelimit (sender, ".", '_');
  token = g_strdup_printf ("hub_analytics_%u", g_random_int ());
  request->request_path = g_strconcat (PORTAL_PATH "/request/", sender, "/", token, NULL);
  request->response_id =
    g_dbus_connection_signal_subscribe (connection, PORTAL_BUS_NAME, REQUEST_IFACE, "Response",
                                        request->request_path, NULL,
                                        G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE, on_response,
                                        task, NULL);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason", g_variant_new_string (reason));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (TRUE));
  g_variant_builder_add (&options, "{sv}", "commandline",
                         g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (connection, PORTAL_BUS_NAME, PORTAL_PATH, BACKGROUND_IFACE,
                          "RequestBackground",
                          g_variant_new ("(sa{sv})", parent_window ? parent_window : "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable,
                          on_called, g_object_ref (task));
}

HubBackgroundAnswer
hub_background_request_finish (GAsyncResult  *result,
                               GError       **error)
{
  GError *local = NULL;
  gssize answer;

  g_return_val_if_fail (G_IS_TASK (result), HUB_BACKGROUND_NO_PORTAL);

  answer = g_task_propagate_int (G_TASK (result), &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return HUB_BACKGROUND_REFUSED;
    }
  return (HubBackgroundAnswer) answer;
}
