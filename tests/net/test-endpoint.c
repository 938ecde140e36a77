/* test-endpoint.c: which Hub, where its token may go, where the token file is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hub-net.h"

static void
clear_env (void)
{
  const char *names[] = { "HF_ENDPOINT", "HF_TOKEN", "HF_TOKEN_PATH", "HF_HOME" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_unsetenv (names[i]);
}

static void
assert_resolves (const char        *preference,
                 const char        *expected,
                 HubEndpointSource  expected_source)
{
  g_autoptr(GError) error = NULL;
  HubEndpointSource source = -1;
  g_autofree char *endpoint = hub_endpoint_resolve (preference, &source, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (endpoint, ==, expected);
  g_assert_cmpint (source, ==, expected_source);
}

/* HF_ENDPOINT, else the preference, else https://huggingface.co. */
static void
test_order (void)
{
  clear_env ();
  assert_resolves (NULL, "https://huggingface.co", HUB_ENDPOINT_SOURCE_DEFAULT);
  assert_resolves ("", "https://huggingface.co", HUB_ENDPOINT_SOURCE_DEFAULT);
  assert_resolves ("  ", "https://huggingface.co", HUB_ENDPOINT_SOURCE_DEFAULT);
  assert_resolves ("https://hub.example.org/", "https://hub.example.org", HUB_ENDPOINT_SOURCE_PREFERENCE);

  g_setenv ("HF_ENDPOINT", "https://mirror.example.com", TRUE);
  assert_resolves (NULL, "https://mirror.example.com", HUB_ENDPOINT_SOURCE_ENV);
  assert_resolves ("https://hub.example.org", "https://mirror.example.com", HUB_ENDPOINT_SOURCE_ENV);

  g_setenv ("HF_ENDPOINT", "", TRUE);
  assert_resolves ("https://hub.example.org", "https://hub.example.org", HUB_ENDPOINT_SOURCE_PREFERENCE);
  clear_env ();
}

static void
test_invalid_is_an_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;

  clear_env ();
  g_setenv ("HF_ENDPOINT", "http://hub.example.org", TRUE);
  endpoint = hub_endpoint_resolve ("https://fine.example.org", NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INSECURE_ENDPOINT);
  g_assert_nonnull (strstr (error->message, "HF_ENDPOINT"));
  g_assert_null (endpoint);
  g_clear_error (&error);

  clear_env ();
  endpoint = hub_endpoint_resolve ("not a url", NULL, &error);
  g_assert_error (error, HUB_NET_ERROR, HUB_NET_ERROR_INVALID_ENDPOINT);
  g_assert_null (endpoint);
}

static void
test_normalize (void)
{
  struct { const char *in; const char *out; int code; } cases[] = {
    { "https://huggingface.co", "https://huggingface.co", -1 },
    { "https://huggingface.co/", "https://huggingface.co", -1 },
    { "HTTPS://huggingface.co", "https://huggingface.co", -1 },
    { " https://huggingface.co ", "https://huggingface.co", -1 },
    { "https://hub.example.org:8443/mirror/", "https://hub.example.org:8443/mirror", -1 },
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080", -1 },
    { "http://127.1.2.3", "http://127.1.2.3", -1 },
    { "http://localhost:5000/", "http://localhost:5000", -1 },
    { "http://[::1]:5000", "http://[::1]:5000", -1 },
    { "http://huggingface.co", NULL, HUB_NET_ERROR_INSECURE_ENDPOINT },
    { "http://10.0.0.1", NULL, HUB_NET_ERROR_INSECURE_ENDPOINT },
    { "http://127.0.0.1.example.com", NULL, HUB_NET_ERROR_INSECURE_ENDPOINT },
    { "ftp://huggingface.co", NULL, HUB_NET_ERROR_INVALID_ENDPOINT },
    { "huggingface.co", NULL, HUB_NET_ERROR_INVALID_ENDPOINT },
    { "https://user:pw@huggingface.co", NULL, HUB_NET_ERROR_INVALID_ENDPOINT },
    { "https://huggingface.co/?x=1", NULL, HUB_NET_ERROR_INVALID_ENDPOINT },
    { "", NULL, HUB_NET_ERROR_INVALID_ENDPOINT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = hub_endpoint_normalize (cases[i].in, &error);

      g_test_message ("%s", cases[i].in);
      if (cases[i].out != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (out, ==, cases[i].out);
        }
      else
        {
          g_assert_error (error, HUB_NET_ERROR, cases[i].code);
          g_assert_null (out);
        }
    }
}

static void
test_same_origin (void)
{
  struct { const char *endpoint; const char *uri; gboolean same; } cases[] = {
    { "https://huggingface.co", "https://huggingface.co/api/whoami-v2", TRUE },
    { "https://huggingface.co", "https://HuggingFace.co:443/x", TRUE },
    { "https://huggingface.co", "http://huggingface.co/x", FALSE },
    { "https://huggingface.co", "https://cdn-lfs.huggingface.co/x", FALSE },
    { "https://huggingface.co", "https://huggingface.co.evil.com/x", FALSE },
    { "https://huggingface.co", "https://huggingface.co:8443/x", FALSE },
    { "http://127.0.0.1:8080", "http://127.0.0.1:8080/x", TRUE },
    { "http://127.0.0.1:8080", "http://127.0.0.1:8081/x", FALSE },
    { "http://127.0.0.1:8080", "http://localhost:8080/x", FALSE },
    { "https://hub.example.org/mirror", "https://hub.example.org/other", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) uri = g_uri_parse (cases[i].uri, G_URI_FLAGS_NONE, NULL);

      g_test_message ("%s vs %s", cases[i].endpoint, cases[i].uri);
      g_assert_cmpint (hub_endpoint_same_origin (cases[i].endpoint, uri), ==, cases[i].same);
    }
}

/* $HF_TOKEN_PATH, else $HF_HOME/token, else $XDG_CACHE_HOME/huggingface/token,
 * else ~/.cache/huggingface/token. */
static void
test_token_file_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *home_path = NULL;

  if (g_test_subprocess ())
    {
      clear_env ();
      g_setenv ("HOME", "/home/someone", TRUE);
      g_unsetenv ("XDG_CACHE_HOME");
      home_path = hub_token_file_path ();
      g_assert_cmpstr (home_path, ==, "/home/someone/.cache/huggingface/token");

      g_setenv ("XDG_CACHE_HOME", "/xdg/cache", TRUE);
      path = hub_token_file_path ();
      g_assert_cmpstr (path, ==, "/xdg/cache/huggingface/token");
      g_clear_pointer (&path, g_free);

      g_setenv ("HF_HOME", "/hf/home", TRUE);
      path = hub_token_file_path ();
      g_assert_cmpstr (path, ==, "/hf/home/token");
      g_clear_pointer (&path, g_free);

      g_setenv ("HF_TOKEN_PATH", "/somewhere/my-token", TRUE);
      path = hub_token_file_path ();
      g_assert_cmpstr (path, ==, "/somewhere/my-token");
      g_clear_pointer (&path, g_free);

      /* Empty values do not count. */
      g_setenv ("HF_TOKEN_PATH", "", TRUE);
      g_setenv ("HF_HOME", "", TRUE);
      path = hub_token_file_path ();
      g_assert_cmpstr (path, ==, "/xdg/cache/huggingface/token");
      return;
    }

  /* A child process: g_get_home_dir() reads HOME only once. */
  g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_source_describe (void)
{
  HubTokenSource sources[] = { HUB_TOKEN_SOURCE_NONE, HUB_TOKEN_SOURCE_ENV, HUB_TOKEN_SOURCE_KEYRING,
                               HUB_TOKEN_SOURCE_SESSION, HUB_TOKEN_SOURCE_TOKEN_FILE };

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    for (guint j = 0; j < i; j++)
      g_assert_cmpstr (hub_token_source_describe (sources[i]), !=, hub_token_source_describe (sources[j]));
  g_assert_nonnull (strstr (hub_token_source_describe (HUB_TOKEN_SOURCE_ENV), "HF_TOKEN"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/endpoint/order", test_order);
  g_test_add_func ("/net/endpoint/invalid-is-an-error", test_invalid_is_an_error);
  g_test_add_func ("/net/endpoint/normalize", test_normalize);
  g_test_add_func ("/net/endpoint/same-origin", test_same_origin);
  g_test_add_func ("/net/endpoint/token-file-path", test_token_file_path);
  g_test_add_func ("/net/endpoint/token-source-describe", test_source_describe);

  return g_test_run ();
}
