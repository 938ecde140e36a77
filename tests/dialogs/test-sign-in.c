/* test-sign-in.c: signing in against a local Hub, with the real keyring
 *
 * A SoupServer on 127.0.0.1 answers whoami-v2 for one good token; the token
 * store talks to the gnome-keyring daemon of the private D-Bus session that
 * the test command starts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libsoup/soup.h>

#include "hub-sign-in-dialog.h"
#include "hub-ui-test-util.h"

#define GOOD_TOKEN "hf_good_token_for_tests"

static const char whoami_json[] =
  "{\"name\":\"ada\",\"fullname\":\"Ada Lovelace\","
  "\"orgs\":[{\"name\":\"aurora-labs\",\"fullname\":\"Aurora Labs\",\"roleInOrg\":\"admin\"},"
  "{\"name\":\"beta-org\",\"fullname\":\"Beta\",\"roleInOrg\":\"read\"}],"
  "\"auth\":{\"accessToken\":{\"role\":\"read\"}}}";

typedef struct
{
  SoupServer *server;
  char       *endpoint;
} Hub;

static void
on_whoami (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (g_strcmp0 (auth, "Bearer " GOOD_TOKEN) != 0)
    {
      soup_server_message_set_status (msg, 401, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "{\"error\":\"Invalid credentials\"}", 31);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    whoami_json, strlen (whoami_json));
}

static void
hub_start (Hub *hub)
{
  hub->server = soup_server_new ("server-header", "hub-test", NULL);
  soup_server_add_handler (hub->server, "/api/whoami-v2", on_whoami, NULL, NULL);
  hub->endpoint = hub_test_listen_local (hub->server);
}

static void
hub_stop (Hub *hub)
{
  soup_server_disconnect (hub->server);
  g_clear_object (&hub->server);
  g_clear_pointer (&hub->endpoint, g_free);
}

static void
wait_for (HubTestDone  done,
          gpointer     data,
          const char  *what)
{
  hub_test_wait_for (done, data, 20, what);
}

static void
save_screenshot (GtkWidget  *dialog,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  g_autoptr(GdkTexture) texture = NULL;

  hub_test_wait_frames (18);
  texture = hub_test_render (dialog);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static gboolean
on_org_page (gpointer dialog)
{
  return g_strcmp0 (hub_sign_in_dialog_get_page (dialog), "org") == 0;
}

static gboolean
has_error (gpointer dialog)
{
  return hub_sign_in_dialog_get_error (dialog) != NULL;
}

typedef struct
{
  gboolean        done;
  char           *token;
  HubTokenSource  source;
} Lookup;

static void
on_lookup (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;

  lookup->token = hub_token_store_lookup_finish (HUB_TOKEN_STORE (source), result,
                                                 &lookup->source, NULL, &error);
  g_assert_no_error (error);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *) data)->done;
}

static Lookup
lookup_token (const char *endpoint)
{
  /* A new store: what is found comes from the keyring, not from memory. */
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  Lookup lookup = { 0 };

  hub_token_store_lookup_async (store, endpoint, NULL, on_lookup, &lookup);
  wait_for (lookup_done, &lookup, "the keyring look-up");
  return lookup;
}

static gboolean
cleared_done (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_cleared (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hub_token_store_clear_finish (HUB_TOKEN_STORE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
on_signed_in (HubSignInDialog *dialog,
              const char      *org,
              const char      *token,
              int              source,
              HubWhoami       *whoami,
              gpointer         user_data)
{
  char **chosen = user_data;

  g_assert_cmpstr (token, ==, GOOD_TOKEN);
  g_assert_cmpint (source, ==, HUB_TOKEN_SOURCE_KEYRING);
  g_assert_cmpstr (whoami->name, ==, "ada");
  *chosen = g_strdup (org);
}

static gboolean
token_in_keyring (gpointer endpoint)
{
  Lookup lookup = lookup_token (endpoint);

  g_free (lookup.token);
  return lookup.source == HUB_TOKEN_SOURCE_KEYRING;
}

static gboolean
dialog_closed (gpointer dialog)
{
  return gtk_widget_get_parent (dialog) == NULL;
}

static void
test_good_token_then_sign_out (void)
{
  Hub hub = { 0 };
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  g_autofree char *chosen = NULL;
  GtkWidget *dialog;
  GtkWindow *parent;
  HubWhoami *whoami;
  Lookup lookup;
  gboolean cleared = FALSE;

  hub_start (&hub);
  dialog = hub_sign_in_dialog_new (hub.endpoint, store, FALSE);
  g_signal_connect (dialog, "signed-in", G_CALLBACK (on_signed_in), &chosen);
  parent = hub_test_present_dialog (dialog, 800, 640);

  hub_sign_in_dialog_set_token (HUB_SIGN_IN_DIALOG (dialog), GOOD_TOKEN);
  hub_sign_in_dialog_validate (HUB_SIGN_IN_DIALOG (dialog));
  wait_for (on_org_page, dialog, "the organisation page");

  whoami = hub_sign_in_dialog_get_whoami (HUB_SIGN_IN_DIALOG (dialog));
  g_assert_nonnull (whoami);
  g_assert_cmpuint (whoami->orgs->len, ==, 2);
  g_assert_null (hub_sign_in_dialog_get_error (HUB_SIGN_IN_DIALOG (dialog)));
  save_screenshot (dialog, "sign-in-organisations.png");

  /* The token was stored for this endpoint in the real keyring. */
  wait_for (token_in_keyring, hub.endpoint, "the token in the keyring");
  lookup = lookup_token (hub.endpoint);
  g_assert_cmpint (lookup.source, ==, HUB_TOKEN_SOURCE_KEYRING);
  g_assert_cmpstr (lookup.token, ==, GOOD_TOKEN);
  g_free (lookup.token);

  g_object_ref (dialog);
  hub_sign_in_dialog_choose_org (HUB_SIGN_IN_DIALOG (dialog), "beta-org");
  g_assert_cmpstr (chosen, ==, "beta-org");
  wait_for (dialog_closed, dialog, "the dialog to close");
  g_object_unref (dialog);
  gtk_window_destroy (parent);

  /* Sign Out: the keyring entry is gone. */
  hub_token_store_clear_async (store, hub.endpoint, NULL, on_cleared, &cleared);
  wait_for (cleared_done, &cleared, "signing out");
  lookup = lookup_token (hub.endpoint);
  g_assert_cmpint (lookup.source, ==, HUB_TOKEN_SOURCE_NONE);
  g_assert_null (lookup.token);

  hub_stop (&hub);
}

static void
test_bad_token (void)
{
  Hub hub = { 0 };
  g_autoptr(HubTokenStore) store = hub_token_store_new ();
  GtkWidget *dialog;
  GtkWindow *parent;
  const char *message;
  Lookup lookup;

  hub_start (&hub);
  dialog = hub_sign_in_dialog_new (hub.endpoint, store, FALSE);
  parent = hub_test_present_dialog (dialog, 800, 640);

  hub_sign_in_dialog_set_token (HUB_SIGN_IN_DIALOG (dialog), "hf_wrong");
  hub_sign_in_dialog_validate (HUB_SIGN_IN_DIALOG (dialog));
  wait_for (has_error, dialog, "the error message");

  message = hub_sign_in_dialog_get_error (HUB_SIGN_IN_DIALOG (dialog));
  save_screenshot (dialog, "sign-in-rejected.png");
  g_assert_null (strstr (message, "hf_wrong"));
  g_assert_cmpstr (hub_sign_in_dialog_get_page (HUB_SIGN_IN_DIALOG (dialog)), ==, "token");
  g_assert_null (hub_sign_in_dialog_get_whoami (HUB_SIGN_IN_DIALOG (dialog)));
  /* The entry itself says that this token was refused, not that it expired. */
  g_assert_true (gtk_widget_has_css_class (hub_test_find_type (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW),
                                           "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (
                     hub_test_find_type (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW))),
                   ==, "This token was not accepted");

  /* A rejected token is never kept. */
  lookup = lookup_token (hub.endpoint);
  g_assert_null (lookup.token);

  gtk_window_destroy (parent);
  hub_stop (&hub);
}

int
main (int   argc,
      char *argv[])
{
  hub_test_ui_init (&argc, &argv);
  /* Pages switch at once, so that screenshots show the page they name. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/dialogs/sign-in/good-token-then-sign-out", test_good_token_then_sign_out);
  g_test_add_func ("/dialogs/sign-in/bad-token", test_bad_token);

  return g_test_run ();
}
