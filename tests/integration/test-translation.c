/* test-translation.c: the German translation is found and used
 *
 * Runs under LANGUAGE=de and LC_ALL=de_DE.UTF-8 with the .mo compiled from
 * po/de.po, and asks gettext for a few strings the app shows.
 *
 * Usage: test-translation MO-FILE DESKTOP-FILE METAINFO-FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

static const char *mo_path;
static const char *desktop_path;
static const char *metainfo_path;

/* Copies the .mo file into LOCALEDIR/de/LC_MESSAGES, where gettext looks. */
static char *
make_localedir (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *localedir = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  gsize length;

  localedir = g_dir_make_tmp ("hub-analytics-locale-XXXXXX", &error);
  g_assert_no_error (error);
  messages = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);

  g_file_get_contents (mo_path, &contents, &length, &error);
  g_assert_no_error (error);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&localedir);
}

static void
remove_localedir (const char *localedir)
{
  g_autofree char *messages = g_build_filename (localedir, "de", "LC_MESSAGES", NULL);
  g_autofree char *target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *de = g_build_filename (localedir, "de", NULL);

  g_unlink (target);
  g_rmdir (messages);
  g_rmdir (de);
  g_rmdir (localedir);
}

static void
test_strings (void)
{
  /* Strings from the schema, the desktop file and the sources. */
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Window width"), ==, "Fensterbreite");
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Refresh on start-up"), ==, "Beim Start aktualisieren");
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Download Statistics"), ==, "Download-Statistik");
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Open the demo data"), ==, "Die Demodaten öffnen");
}

static void
test_plural (void)
{
  g_assert_cmpstr (dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", 1), ==, "vor %d Tag");
  g_assert_cmpstr (dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", 5), ==, "vor %d Tagen");
}

static void
test_context (void)
{
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "change", "new"), ==, "neu");
}

/* The desktop file and the metainfo are merged from po/ at build time. */
static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  const char *msgid = "See how your models and datasets on the Hugging Face Hub are downloaded";

  g_key_file_load_from_file (key_file, desktop_path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  comment = g_key_file_get_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP,
                                          G_KEY_FILE_DESKTOP_KEY_COMMENT, "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, !=, msgid);
  g_assert_cmpstr (comment, ==, dgettext (GETTEXT_PACKAGE, msgid));
}

static void
test_metainfo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *summary = NULL;
  const char *msgid = "Track downloads on Hugging Face";

  g_file_get_contents (metainfo_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, msgid), !=, msgid);
  summary = g_strdup_printf ("<summary xml:lang=\"de\">%s</summary>",
                             dgettext (GETTEXT_PACKAGE, msgid));
  g_assert_nonnull (strstr (contents, summary));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *localedir = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (argc != 4)
    {
      g_printerr ("usage: %s MO-FILE DESKTOP-FILE METAINFO-FILE\n", argv[0]);
      return 2;
    }
  mo_path = argv[1];
  desktop_path = argv[2];
  metainfo_path = argv[3];

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
  if (setlocale (LC_ALL, "") == NULL)
    {
      g_printerr ("The de_DE.UTF-8 locale is missing (build-aux/install-deps.sh generates it)\n");
      return 1;
    }

  localedir = make_localedir ();
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/integration/translation/strings", test_strings);
  g_test_add_func ("/integration/translation/plural", test_plural);
  g_test_add_func ("/integration/translation/context", test_context);
  g_test_add_func ("/integration/translation/desktop-file", test_desktop_file);
  g_test_add_func ("/integration/translation/metainfo", test_metainfo);

  status = g_test_run ();
  remove_localedir (localedir);
  return status;
}
