/* test-logs.c: request logs read into aggregates, and every definition of
 * DESIGN.md's "Request logs" at its edges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>
#include <xxhash.h>

#include "hub-audience-figures.h"
#include "hub-identity.h"
#include "hub-log-private.h"
#include "hub-range.h"
#include "hub-test-util.h"

#define HEADER "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region\n"
#define HEADER_INTERNAL \
  "timestamp,status,method,repoName,repoType,hashedUserId,hashedIp,country,region,isInternal\n"
#define U1 "aaaaaaaaaaaaaaaa0001"
#define U2 "bbbbbbbbbbbbbbbb0002"

/* Temporary files, removed when the test ends. */
static const char *
temp_file (GPtrArray  *paths,
           const char *text,
           gsize       len)
{
  char *path = hub_test_write_temp_file (text, len);

  g_ptr_array_add (paths, path);
  return path;
}

static void
remove_files (gpointer data)
{
  g_unlink (data);
  g_free (data);
}

static GPtrArray *
temp_files (void)
{
  return g_ptr_array_new_with_free_func (remove_files);
}

static gboolean
add_paths_full (HubLogStore          *store,
                const char * const   *paths,
                guint                 n,
                const HubLogOptions  *options,
                gboolean              through_csv,
                GError              **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  return log_store_add_files_full (store, (GFile **) files->pdata, paths, n, options,
                                   through_csv, NULL, NULL, error);
}

/* Two stores with the same summary, top identities (while exact) and
 * regions. */
static void
assert_same_figures (HubLogStore *a,
                     HubLogStore *b)
{
  g_autofree char *a_summary = hub_log_summary_to_json (a);
  g_autofree char *b_summary = hub_log_summary_to_json (b);
  g_autofree char *a_audience = log_store_audience_text (a);
  g_autofree char *b_audience = log_store_audience_text (b);

  g_assert_cmpstr (a_summary, ==, b_summary);
  g_assert_cmpstr (a_audience, ==, b_audience);
}

/* Read the way the app reads; and every time once more with every CSV line
 * through libcsv, which must give the same figures, or the same error; and
 * once more into a store of the whole span (as `--logs-summary` reads),
 * which must give the same summary, or the same error. */
static gboolean
add_paths (HubLogStore          *store,
           const char * const   *paths,
           guint                 n,
           const HubLogOptions  *options,
           GError              **error)
{
  static const HubLogOptions defaults = { NULL, FALSE, FALSE, FALSE };
  g_autoptr(HubLogStore) fast = hub_log_store_new ();
  g_autoptr(HubLogStore) slow = hub_log_store_new ();
  g_autoptr(HubLogStore) whole = hub_log_store_new ();
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) slow_error = NULL;
  g_autoptr(GError) whole_error = NULL;
  HubLogOptions whole_options = options != NULL ? *options : defaults;
  gboolean fast_ok = add_paths_full (fast, paths, n, options, FALSE, &fast_error);
  gboolean slow_ok = add_paths_full (slow, paths, n, options, TRUE, &slow_error);
  gboolean whole_ok;

  whole_options.whole_span = TRUE;
  whole_ok = add_paths_full (whole, paths, n, &whole_options, FALSE, &whole_error);
  g_assert_cmpint (fast_ok, ==, slow_ok);
  g_assert_cmpint (fast_ok, ==, whole_ok);
  if (fast_ok)
    {
      g_autofree char *a = hub_log_summary_to_json (fast);
      g_autofree char *c = hub_log_summary_to_json (whole);

      assert_same_figures (fast, slow);
      g_assert_cmpstr (a, ==, c);
    }
  else
    {
      g_assert_cmpstr (fast_error->message, ==, slow_error->message);
      g_assert_cmpstr (fast_error->message, ==, whole_error->message);
    }

  return add_paths_full (store, paths, n, options, FALSE, error);
}

/* The store of the texts, each its own file, in this order. */
static HubLogStore *
read_texts (const char * const  *texts,
            const HubLogOptions *options,
            GError             **error)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  guint n = g_strv_length ((char **) texts);

  for (guint i = 0; i < n; i++)
    temp_file (paths, texts[i], strlen (texts[i]));
  if (!add_paths (store, (const char * const *) paths->pdata, n, options, error))
    return NULL;
  return g_steal_pointer (&store);
}

static char *
summary_with (const char * const  *texts,
              const HubLogOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, options, &error);

  g_assert_no_error (error);
  return hub_log_summary_to_json (store);
}

static char *
summary_of (const char *text)
{
  const char *texts[] = { text, NULL };

  return summary_with (texts, NULL);
}

/* One member of the summary, as JSON text. */
static char *
member (const char *json,
        const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonPath) query = json_path_new ();
  g_autoptr(JsonNode) found = NULL;
  JsonArray *results;

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  g_assert_true (json_path_compile (query, path, NULL));
  found = json_path_match (query, json_parser_get_root (parser));
  results = json_node_get_array (found);
  g_assert_cmpuint (json_array_get_length (results), ==, 1);
  return json_to_string (json_array_get_element (results, 0), FALSE);
}

static void
assert_member (const char *json,
               const char *path,
               const char *expected)
{
  g_autofree char *value = member (json, path);

  g_assert_cmpstr (value, ==, expected);
}

/* The whole summary, members in the order the issue gives them. */
static void
test_summary (void)
{
  g_autofree char *json = summary_of (
    HEADER
    "2026-06-01T00:00:00.000Z,200,GET,acme/m1,model," U1 ",,US,California\n"
    "2026-06-01T00:04:00.000Z,302,GET,acme/m1,model," U1 ",,US,California\n"
    "2026-06-01T00:09:00.001Z,200,HEAD,acme/m1,model," U1 ",,us,California\n"
    "2026-06-01T01:00:00Z,206,GET,acme/d1,dataset,,ip-1,FR,\n"
    "2026-06-01T01:00:01Z,404,GET,acme/d1,dataset,,ip-2,,\n"
    "2026-06-02T01:00:01Z,304,GET,acme/d1,dataset,userx,,DE,\n");

  g_assert_cmpstr (json, ==,
                   "{\"firstDay\":\"2026-06-01\",\"lastDay\":\"2026-06-02\",\"requests\":6,"
                   "\"sessions\":4,\"users\":2,\"anonymousIps\":1,\"uniques\":3,"
                   "\"methods\":{\"GET\":5,\"HEAD\":1},"
                   "\"statuses\":{\"200\":2,\"206\":1,\"302\":1,\"304\":1,\"404\":1},"
                   "\"classes\":{\"download\":1,\"partial\":1,\"probe\":1,\"redirect\":1,"
                   "\"revalidation\":1,\"error\":1,\"other\":0},"
                   "\"countries\":{\"DE\":{\"requests\":1,\"uniques\":1},"
                   "\"FR\":{\"requests\":1,\"uniques\":1},\"US\":{\"requests\":3,\"uniques\":1},"
                   "\"ZZ\":{\"requests\":1,\"uniques\":0}},"
                   "\"repos\":[{\"repoType\":\"dataset\",\"repoName\":\"acme/d1\",\"requests\":3,"
                   "\"sessions\":2,\"uniques\":2},{\"repoType\":\"model\",\"repoName\":\"acme/m1\","
                   "\"requests\":3,\"sessions\":2,\"uniques\":1}]}");
}

/* A header and no lines: days null, zeros, all seven classes. */
static void
test_no_lines (void)
{
  g_autofree char *json = summary_of (HEADER);

  g_assert_cmpstr (json, ==,
                   "{\"firstDay\":null,\"lastDay\":null,\"requests\":0,\"sessions\":0,"
                   "\"users\":0,\"anonymousIps\":0,\"uniques\":0,\"methods\":{},\"statuses\":{},"
                   "\"classes\":{\"download\":0,\"partial\":0,\"probe\":0,\"redirect\":0,"
                   "\"revalidation\":0,\"error\":0,\"other\":0},\"countries\":{},\"repos\":[]}");
}

/* Exactly 300,000 ms after the previous line is the same session;
 * 300,001 ms starts a new one. The gap is from the previous line, not the
 * session's first. */
static void
test_session_gap (void)
{
  g_autofree char *same = summary_of (
    HEADER
    "2026-06-01T10:00:00.000Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:05:00.000Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:10:00.000Z,302,GET,acme/m,model," U1 ",,US,\n");
  g_autofree char *split = summary_of (
    HEADER
    "2026-06-01T10:00:00.000Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:05:00.001Z,302,GET,acme/m,model," U1 ",,US,\n");
  g_autofree char *other_repo = summary_of (
    HEADER
    "2026-06-01T10:00:00.000Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:00:01.000Z,302,GET,acme/m,dataset," U1 ",,US,\n");

  assert_member (same, "$.sessions", "1");
  assert_member (split, "$.sessions", "2");
  assert_member (other_repo, "$.sessions", "2");
}

/* A session across midnight belongs to the day, country, method and status
 * of its first line. */
static void
test_session_midnight (void)
{
  g_autoptr(GError) error = NULL;
  const char *texts[] = {
    HEADER
    "2026-06-01T23:58:00Z,200,HEAD,acme/m,model," U1 ",,US,\n"
    "2026-06-02T00:02:00Z,302,GET,acme/m,model," U1 ",,DE,\n",
    NULL
  };
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  HubLogFigures days[2];
  HubDay first, last;

  g_assert_no_error (error);
  g_assert_true (hub_log_store_get_days (store, &first, &last));
  g_assert_cmpint (last - first, ==, 1);
  hub_log_store_daily (store, HUB_LOG_FILTER_ALL, first, last, days);
  g_assert_cmpuint (days[0].sessions, ==, 1);
  g_assert_cmpuint (days[1].sessions, ==, 0);
  g_assert_cmpuint (days[0].requests, ==, 1);
  g_assert_cmpuint (days[1].requests, ==, 1);
  /* Uniques of the two days: each day counts the person, the range once. */
  g_assert_cmpuint (days[0].uniques, ==, 1);
  g_assert_cmpuint (days[1].uniques, ==, 1);
  {
    HubLogFigures all;

    hub_log_store_figures (store, HUB_LOG_FILTER_ALL, first, last, &all);
    g_assert_cmpuint (all.uniques, ==, 1);
    g_assert_cmpuint (all.classes[HUB_LOG_CLASS_PROBE], ==, 1);
    g_assert_cmpuint (all.classes[HUB_LOG_CLASS_REDIRECT], ==, 1);
  }
}

#define DAY1 \
  HEADER \
  "2026-06-01T12:00:00Z,302,GET,acme/m,model," U1 ",,US,\n" \
  "2026-06-01T23:57:00Z,302,GET,acme/m,model," U1 ",,US,\n" \
  "2026-06-01T23:59:00Z,302,GET,acme/m,model,," U2 ",FR,\n"
#define DAY2 \
  HEADER \
  "2026-06-02T00:01:00Z,302,GET,acme/m,model," U1 ",,US,\n" \
  "2026-06-02T00:03:59Z,200,GET,acme/m,model,," U2 ",FR,\n" \
  "2026-06-02T09:00:00Z,302,GET,acme/m,model," U1 ",,US,\n"

/* Files read in any order give the same figures. */
static void
test_files_out_of_order (void)
{
  const char *in_order[] = { DAY1, DAY2, NULL };
  const char *reversed[] = { DAY2, DAY1, NULL };
  g_autofree char *a = summary_with (in_order, NULL);
  g_autofree char *b = summary_with (reversed, NULL);

  g_assert_cmpstr (a, ==, b);
  /* U1: 12:00, then 23:57 → 00:01, then 09:00; U2: 23:59 → 00:03:59. */
  assert_member (a, "$.sessions", "4");
}

/* Lines out of time order inside a file give the same figures too. */
static void
test_lines_out_of_order (void)
{
  g_autofree char *ordered = summary_of (
    HEADER
    "2026-06-01T10:00:00Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:03:00Z,200,HEAD,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:07:00Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T12:00:00Z,302,GET,acme/m,model," U2 ",,US,\n");
  g_autofree char *shuffled = summary_of (
    HEADER
    "2026-06-01T12:00:00Z,302,GET,acme/m,model," U2 ",,US,\n"
    "2026-06-01T10:07:00Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:00:00Z,302,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:03:00Z,200,HEAD,acme/m,model," U1 ",,US,\n");

  g_assert_cmpstr (ordered, ==, shuffled);
  assert_member (ordered, "$.sessions", "2");
}

/* A day added later to saved aggregates continues the sessions open at the
 * end of the day before, and gives what reading both at once gives. */
static void
test_appended_day (void)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(HubLogStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const char *both[] = { DAY1, DAY2, NULL };
  g_autofree char *expected = summary_with (both, NULL);
  g_autofree char *json = NULL;
  g_autofree char *cache = NULL;
  const char *day1 = temp_file (paths, DAY1, strlen (DAY1));
  const char *day2 = temp_file (paths, DAY2, strlen (DAY2));

  g_assert_true (add_paths (store, &day1, 1, NULL, &error));
  g_assert_no_error (error);
  cache = g_strconcat (day1, ".aggregate", NULL);
  g_ptr_array_add (paths, g_strdup (cache));
  g_assert_true (hub_log_store_save (store, cache, &error));
  g_assert_no_error (error);

  reopened = hub_log_store_load (cache, &error);
  g_assert_no_error (error);
  g_assert_true (add_paths (reopened, &day2, 1, NULL, &error));
  g_assert_no_error (error);
  json = hub_log_summary_to_json (reopened);
  g_assert_cmpstr (json, ==, expected);
}

/* Saved and reopened, the aggregates give the same figures; a damaged file
 * is refused with a message, never half read. */
static void
test_save_load (void)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(HubLogStore) reopened = NULL;
  g_autoptr(HubLogStore) damaged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (DAY1, NULL);
  const char *log = temp_file (paths, text, strlen (text));
  g_autofree char *cache = g_strconcat (log, ".aggregate", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_ptr_array_add (paths, g_strdup (cache));
  g_assert_true (add_paths (store, &log, 1, NULL, &error));
  g_assert_true (hub_log_store_save (store, cache, &error));
  g_assert_no_error (error);
  reopened = hub_log_store_load (cache, &error);
  g_assert_no_error (error);
  a = hub_log_summary_to_json (store);
  b = hub_log_summary_to_json (reopened);
  g_assert_cmpstr (a, ==, b);

  g_assert_true (g_file_get_contents (cache, &bytes, &len, NULL));
  for (gsize cut = 0; cut < len; cut += 7)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HubLogStore) broken = NULL;

      bytes[cut] ^= 0x20;
      g_assert_true (g_file_set_contents (cache, bytes, (gssize) len, NULL));
      broken = hub_log_store_load (cache, &local_error);
      g_assert_null (broken);
      g_assert_error (local_error, HUB_LOG_ERROR, HUB_LOG_ERROR_BAD_AGGREGATE);
      bytes[cut] ^= 0x20;
    }
  g_assert_true (g_file_set_contents (cache, bytes, (gssize) len / 2, NULL));
  damaged = hub_log_store_load (cache, &error);
  g_assert_null (damaged);
  g_assert_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_BAD_AGGREGATE);
}

/* hashedUserId when present, else hashedIp; neither counts for no one; a
 * hex digest and its upper case are one identity; a short or non-hex id
 * goes through XXH64 with seed 42. */
static void
test_identity (void)
{
  g_autofree char *json = summary_of (
    HEADER
    "2026-06-01T10:00:00Z,302,GET,acme/m,model," U1 ",ip-1,US,\n"
    "2026-06-01T10:00:01Z,302,GET,acme/m,model,AAAAAAAAAAAAAAAA0001,,US,\n"
    "2026-06-01T10:00:02Z,302,GET,acme/m,model,,ip-1,US,\n"
    "2026-06-01T10:00:03Z,302,GET,acme/m,model,,,US,\n"
    "2026-06-01T10:00:04Z,302,GET,acme/m,model,alice,,US,\n");

  assert_member (json, "$.requests", "5");
  assert_member (json, "$.users", "2");
  assert_member (json, "$.anonymousIps", "1");
  assert_member (json, "$.uniques", "3");
  assert_member (json, "$.sessions", "3");

  g_assert_cmpuint (hub_identity_hash ("0123456789abcdef00", 18), ==,
                    G_GUINT64_CONSTANT (0x0123456789abcdef));
  g_assert_cmpuint (hub_identity_hash ("0123456789ABCDEF", 16), ==,
                    G_GUINT64_CONSTANT (0x0123456789abcdef));
  g_assert_cmpuint (hub_identity_hash ("0123456789abcde", 15), ==,
                    XXH64 ("0123456789abcde", 15, 42));
  g_assert_cmpuint (hub_identity_hash ("0123456789abcdefg", 17), ==,
                    XXH64 ("0123456789abcdefg", 17, 42));
  g_assert_cmpuint (hub_identity_hash ("alice", 5), ==, XXH64 ("alice", 5, 42));
  /* The whole id must be hexadecimal, however long: a digest with one
   * other character anywhere is hashed whole. */
  for (gsize at = 0; at < 64; at++)
    {
      char id[65];

      memset (id, 'c', 64);
      id[64] = '\0';
      g_assert_cmpuint (hub_identity_hash (id, 64), ==, G_GUINT64_CONSTANT (0xcccccccccccccccc));
      id[at] = at % 2 ? 'g' : '\xc3';
      g_assert_cmpuint (hub_identity_hash (id, 64), ==, XXH64 (id, 64, 42));
    }
}

/* The short paths of a line (three-digit statuses, ".123" milliseconds,
 * two-letter countries) agree with the general ones they stand before. */
static void
test_short_paths (void)
{
  g_autofree char *json = summary_of (
    HEADER
    /* 300,000 ms apart: one session; 300,001: two. */
    "2026-06-01T10:00:00.123Z,200,GET,acme/a,model,,ip-1,us,\n"
    "2026-06-01T10:05:00.123,200,GET,acme/a,model,,ip-1,US,\n"
    "2026-06-01T10:00:00.1Z,200,GET,acme/b,model,,ip-1,Us,\n"
    "2026-06-01T10:05:00.100Z,200,GET,acme/b,model,,ip-1,uS,\n"
    "2026-06-01T10:00:00.1234Z,200,GET,acme/c,model,,ip-1,U1,\n"
    "2026-06-01T10:05:00.123+00:00,200,GET,acme/c,model,,ip-1,U1,\n"
    "2026-06-01T10:00:00.123Z,200,GET,acme/d,model,,ip-1,DE,\n"
    "2026-06-01T10:05:00.124Z,200,GET,acme/d,model,,ip-1,DE,\n"
    /* A leap second is the second before it: 300,000 ms, one session; the
     * line before it in the same minute, so that it takes the shortest
     * path. */
    "2026-06-01T23:54:59.999Z,200,GET,acme/f,model,,ip-3,DE,\n"
    "2026-06-01T23:59:30.000Z,200,GET,acme/g,model,,ip-4,DE,\n"
    "2026-06-01T23:59:60.999Z,200,GET,acme/f,model,,ip-3,DE,\n"
    /* A status written with spaces around it, and 599. */
    "2026-06-01T10:06:00Z, 304 ,GET,acme/e,model,,ip-2,DE,\n"
    "2026-06-01T10:06:01Z,599,GET,acme/e,model,,ip-2,DE,\n");

  assert_member (json, "$.requests", "13");
  assert_member (json, "$.sessions", "8");
  assert_member (json, "$.statuses['304']", "1");
  assert_member (json, "$.statuses['599']", "1");
  assert_member (json, "$.countries.US.requests", "4");
  assert_member (json, "$.countries.U1.requests", "2");
  assert_member (json, "$.countries.DE.requests", "7");
}

/* Errors count as requests, never for people. */
/* Texts compared a word at a time, the last word overlapping: every
 * length, equal, and unequal at each byte. */
static void
test_bytes_equal (void)
{
  char a[41], b[41];

  for (gsize n = 0; n <= 40; n++)
    {
      for (gsize i = 0; i < n; i++)
        a[i] = b[i] = (char) ('a' + i % 26);
      g_assert_true (log_bytes_equal (a, b, n));
      for (gsize at = 0; at < n; at++)
        {
          b[at] = '#';
          g_assert_false (log_bytes_equal (a, b, n));
          b[at] = a[at];
        }
    }
}

static void
test_errors_count_for_no_one (void)
{
  g_autofree char *json = summary_of (
    HEADER
    "2026-06-01T10:00:00Z,404,GET,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:00:01Z,500,GET,acme/m,model,,ip-1,US,\n"
    "2026-06-01T10:00:02Z,429,HEAD,acme/m,model,,ip-2,US,\n"
    "2026-06-01T10:00:03Z,399,GET,acme/m,model,,ip-3,US,\n");

  assert_member (json, "$.requests", "4");
  assert_member (json, "$.classes.error", "3");
  assert_member (json, "$.classes.redirect", "1");
  assert_member (json, "$.users", "0");
  assert_member (json, "$.anonymousIps", "1");
  assert_member (json, "$.sessions", "1");
  assert_member (json, "$.countries.US.uniques", "1");
}

/* Every class, by status first, then method; they sum to the requests. */
static void
test_classes (void)
{
  g_autofree char *json = summary_of (
    HEADER
    "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,204,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,206,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,206,HEAD,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,200,HEAD,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,302,HEAD,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,307,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,304,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,403,HEAD,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,101,GET,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,200,POST,acme/m,model,,ip,US,\n"
    "2026-06-01T10:00:00Z,200,get,acme/m,model,,ip,US,\n");

  assert_member (json, "$.classes",
                 "{\"download\":2,\"partial\":1,\"probe\":2,\"redirect\":2,\"revalidation\":1,"
                 "\"error\":1,\"other\":3}");
  assert_member (json, "$.methods", "{\"GET\":6,\"HEAD\":4,\"POST\":1,\"get\":1}");
  assert_member (json, "$.requests", "12");
}

#define FORMATS_CSV \
  HEADER \
  "2026-06-01T10:00:00.250Z,302,GET,acme/m,model," U1 ",,us,California\n" \
  "2026-06-01 T10:00:01.000 Z,200,HEAD,acme/m,model,,ip-9,,\n" \
  "2026-06-01T12:00:01+02:00,206,GET,acme/d,dataset,,ip-9,FR,Île-de-France\n" \
  "2026-06-02,404,GET,acme/d,dataset," U2 ",,DE,\n"
#define FORMATS_JSONL \
  "{\"timestamp\":\"2026-06-01T10:00:00.250Z\",\"status\":302,\"method\":\"GET\",\"repoName\":\"acme/m\",\"repoType\":\"model\",\"hashedUserId\":\"" U1 "\",\"hashedIp\":null,\"country\":\"us\",\"region\":\"California\"}\n" \
  "{\"timestamp\":\"2026-06-01 T10:00:01.000 Z\",\"status\":\"200\",\"method\":\"HEAD\",\"repoName\":\"acme/m\",\"repoType\":\"model\",\"hashedIp\":\"ip-9\"}\n" \
  "\n" \
  "{\"region\":\"Île-de-France\",\"timestamp\":\"2026-06-01T12:00:01+02:00\",\"status\":206,\"method\":\"GET\",\"repoName\":\"acme/d\",\"repoType\":\"dataset\",\"hashedUserId\":\"\",\"hashedIp\":\"ip-9\",\"country\":\"FR\"}\n" \
  "{\"timestamp\":\"2026-06-02\",\"status\":404,\"method\":\"GET\",\"repoName\":\"acme/d\",\"repoType\":\"dataset\",\"hashedUserId\":\"" U2 "\",\"country\":\"DE\"}"

static GBytes *
gzip_text (const char *text)
{
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GMemoryInputStream) in = G_MEMORY_INPUT_STREAM (
    g_memory_input_stream_new_from_data (text, (gssize) strlen (text), NULL));
  g_autoptr(GInputStream) zipped = g_converter_input_stream_new (G_INPUT_STREAM (in),
                                                                 G_CONVERTER (gzip));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_cmpint (g_output_stream_splice (out, zipped, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                           NULL, NULL), >, 0);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
summary_of_bytes (GBytes *bytes)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *path = temp_file (paths, data, len);

  g_assert_true (add_paths (store, &path, 1, NULL, &error));
  g_assert_no_error (error);
  return hub_log_summary_to_json (store);
}

/* The same logs as CSV, as JSON Lines, gzip-compressed or not (told by the
 * content, whatever the name), or with every field quoted (through libcsv)
 * and CRLF, give the same summary. */
static void
test_formats_equal (void)
{
  g_autofree char *csv = summary_of (FORMATS_CSV);
  g_autofree char *jsonl = summary_of (FORMATS_JSONL);
  g_autoptr(GBytes) csv_gz = gzip_text (FORMATS_CSV);
  g_autoptr(GBytes) jsonl_gz = gzip_text (FORMATS_JSONL);
  g_autofree char *from_csv_gz = summary_of_bytes (csv_gz);
  g_autofree char *from_jsonl_gz = summary_of_bytes (jsonl_gz);
  g_autofree char *quoted = summary_of (
    "\xef\xbb\xbf\"timestamp\",\"status\",\"method\",\"repoName\",\"repoType\",\"hashedUserId\","
    "\"hashedIp\",\"country\",\"region\"\r\n"
    "\r\n"
    "\"2026-06-01T10:00:00.250Z\",\"302\",\"GET\",\"acme/m\",\"model\",\"" U1 "\",\"\",\"us\",\"California\"\r\n"
    "\"2026-06-01 T10:00:01.000 Z\",200,HEAD,\"acme/m\",model,,ip-9,,\r\n"
    "2026-06-01T12:00:01+02:00,206,GET,\"acme/d\",dataset,,ip-9,FR,\"Île-de-\nFrance\"\r\n"
    "2026-06-02,404,GET,acme/d,dataset," U2 ",,DE,\r\n");
  g_autofree char *reordered = summary_of (
    "country, extra ,repoType,repoName,hashedIp,hashedUserId,timestamp,method,status,region\n"
    "us,x,model,acme/m,," U1 ",2026-06-01T10:00:00.250Z,GET,302,California\n"
    ",x,model,acme/m,ip-9,,2026-06-01 T10:00:01.000 Z,HEAD,200,\n"
    "\n"
    "FR,x,dataset,acme/d,ip-9,,2026-06-01T12:00:01+02:00,GET,206,\n"
    "DE,x,dataset,acme/d,," U2 ",2026-06-02,GET,404,");

  g_assert_cmpstr (csv, ==, jsonl);
  g_assert_cmpstr (csv, ==, from_csv_gz);
  g_assert_cmpstr (csv, ==, from_jsonl_gz);
  g_assert_cmpstr (csv, ==, quoted);
  g_assert_cmpstr (csv, ==, reordered);
  assert_member (csv, "$.firstDay", "\"2026-06-01\"");
  assert_member (csv, "$.lastDay", "\"2026-06-02\"");
  assert_member (csv, "$.countries.ZZ.requests", "1");
  assert_member (csv, "$.users", "1");
}

/* Read once with every session key kept (a pipe) or streaming: the same. */
static void
test_single_pass (void)
{
  const char *texts[] = { DAY2, DAY1, NULL };
  HubLogOptions once = { NULL, FALSE, TRUE };
  g_autofree char *streaming = summary_with (texts, NULL);
  g_autofree char *single = summary_with (texts, &once);

  g_assert_cmpstr (streaming, ==, single);
}

/* Older exports: requestType as the method, no status (class other), and
 * isInternal as team traffic. */
static void
test_old_columns (void)
{
  const char *texts[] = {
    "timestamp,requestType,repoName,repoType,hashedUserId,hashedIp,country,isInternal\n"
    "2026-06-01T10:00:00Z,download,acme/m,model," U1 ",,US,false\n"
    "2026-06-01T10:01:00Z,file,acme/m,model," U1 ",,US,\n"
    "2026-06-01T10:02:00Z,download,acme/m,model,,ip-1,US,true\n"
    "2026-06-01T10:03:00Z,download,acme/m,model,,ip-2,DE,1\n",
    NULL
  };
  HubLogOptions exclude = { NULL, TRUE, FALSE };
  g_autofree char *all = summary_with (texts, NULL);
  g_autofree char *without = summary_with (texts, &exclude);

  assert_member (all, "$.requests", "4");
  assert_member (all, "$.methods", "{\"download\":3,\"file\":1}");
  assert_member (all, "$.statuses", "{}");
  assert_member (all, "$.classes.other", "4");
  assert_member (all, "$.uniques", "3");
  assert_member (all, "$.sessions", "3");

  assert_member (without, "$.requests", "2");
  assert_member (without, "$.uniques", "1");
  assert_member (without, "$.countries", "{\"US\":{\"requests\":2,\"uniques\":1}}");
}

/* The organisation's own ids, excluded when asked, counted apart always. */
static void
test_team (void)
{
  const char *texts[] = { DAY1, DAY2, NULL };
  const char *team[] = { U2, NULL };
  HubLogOptions include = { team, FALSE, FALSE };
  HubLogOptions exclude = { team, TRUE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, &include, &error);
  g_autofree char *with_team = hub_log_summary_to_json (store);
  g_autofree char *plain = summary_with (texts, NULL);
  g_autofree char *without = summary_with (texts, &exclude);

  g_assert_no_error (error);
  g_assert_cmpstr (with_team, ==, plain);
  g_assert_cmpuint (hub_log_store_get_team_requests (store), ==, 2);
  assert_member (without, "$.requests", "4");
  assert_member (without, "$.uniques", "1");
  assert_member (without, "$.sessions", "3");
  assert_member (without, "$.countries", "{\"US\":{\"requests\":4,\"uniques\":1}}");
}

typedef struct
{
  const char  *text;
  HubLogError  code;
  guint        line;
  const char  *column;
} Refusal;

static void
assert_refused (const char  *text,
                gsize        len,
                HubLogError  code,
                guint        line,
                const char  *column)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  const char *good = temp_file (paths, DAY1, strlen (DAY1));
  const char *bad = temp_file (paths, text, len);
  const char *both[] = { good, bad };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Refused whole: what was read before is left as it was. */
  store = hub_log_store_new ();
  g_assert_true (add_paths (store, &good, 1, NULL, &error));
  before = hub_log_summary_to_json (store);
  g_assert_false (add_paths (store, both, 2, NULL, &error));
  after = hub_log_summary_to_json (store);
  g_assert_cmpstr (before, ==, after);

  g_assert_error (error, HUB_LOG_ERROR, (gint) code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, bad));
  if (line > 0)
    {
      where = g_strdup_printf ("line %u", line);
      g_assert_nonnull (strstr (error->message, where));
      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("line %u", line + 1);
      g_assert_null (strstr (error->message, where));
    }
  if (column != NULL)
    {
      g_clear_pointer (&where, g_free);
      where = g_strdup_printf ("“%s”", column);
      g_assert_nonnull (strstr (error->message, where));
    }
}

/* Every refusal names the file, the line and the column. */
static void
test_refusals (void)
{
  const Refusal refusals[] = {
    { HEADER "2026-06-01T10:00:00Z,abc,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_STATUS, 2, "status" },
    { HEADER "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T10:00:00Z,99,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_STATUS, 3, "status" },
    { HEADER "2026-06-01T10:00:00Z,600,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_STATUS, 2, "status" },
    { HEADER "2026-06-01T10:00:00Z,,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_STATUS, 2, "status" },
    { HEADER "2026-06-01T10:00:00Z,+200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_STATUS, 2, "status" },
    { HEADER "\n\n2026-06-01T10:00:00Z,200,GET,,model,,ip,US,\n",
      HUB_LOG_ERROR_EMPTY_FIELD, 4, "repoName" },
    { HEADER "2026-06-01T10:00:00Z,200,GET,acme/m,,,ip,US,\n",
      HUB_LOG_ERROR_EMPTY_FIELD, 2, "repoType" },
    { HEADER "2026-02-30T10:00:00Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 2, "timestamp" },
    { HEADER "2026-06-01T25:00:00Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 2, "timestamp" },
    /* The Hub's own layout after a line of the same day (its short path). */
    { HEADER "2026-06-01T10:00:00.000Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T24:00:00.000Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 3, "timestamp" },
    { HEADER "2026-06-01T10:00:00.000Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T10:60:00.000Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 3, "timestamp" },
    { HEADER "2026-06-01T10:00:00.000Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T10:00:61.000Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 3, "timestamp" },
    { HEADER "2026-06-01T10:00:00.000Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T1:000:00.000Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 3, "timestamp" },
    { HEADER "2026-06-01T10:00:00.000Z,200,GET,acme/m,model,,ip,US,\n"
      "2026-06-01T10:00:00.0:0Z,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 3, "timestamp" },
    { HEADER "yesterday,200,GET,acme/m,model,,ip,US,\n",
      HUB_LOG_ERROR_BAD_DATE, 2, "timestamp" },
    { HEADER "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip\n",
      HUB_LOG_ERROR_SHORT_ROW, 2, "country" },
    { "timestamp,method,repoName,repoType,hashedUserId,hashedIp\n",
      HUB_LOG_ERROR_MISSING_COLUMN, 1, "status" },
    { "timestamp,status,repoName,repoType\n", HUB_LOG_ERROR_MISSING_COLUMN, 1, "method" },
    { "\n<!DOCTYPE html><html><body>Sign in</body></html>\n", HUB_LOG_ERROR_NOT_LOGS, 2, NULL },
    { "a,b,c\n1,2,3\n", HUB_LOG_ERROR_NOT_LOGS, 1, NULL },
    { "", HUB_LOG_ERROR_EMPTY, 0, NULL },
    { " \n\n", HUB_LOG_ERROR_EMPTY, 0, NULL },
    { HEADER "2026-06-01T10:00:00Z,200,GET,\"acme/\nm\",model,,ip,US,\n"
      "2026-06-01T10:00:00Z,200,GET,\"acme/m\",model,,ip,US,\n"
      "2026-06-01T10:00:00Z,200,GET,\"acme/m\",model\n",
      HUB_LOG_ERROR_SHORT_ROW, 5, "hashedUserId" },
    { HEADER "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip,US,\r"
      "2026-06-01T10:00:00Z,2OO,GET,acme/m,model,,ip,US,\r\n",
      HUB_LOG_ERROR_BAD_STATUS, 3, "status" },
    { HEADER "2026-06-01T10:00:00Z,200,GET,acme/\xff,model,,ip,US,\n",
      HUB_LOG_ERROR_NOT_TEXT, 2, "repoName" },
    { "{\"timestamp\":\"2026-06-01\",\"status\":200,\"method\":\"GET\",\"repoName\":\"a\",\"repoType\":\"model\"}\n"
      "[1,2]\n", HUB_LOG_ERROR_BAD_JSON, 2, NULL },
    { "{\"timestamp\":\"2026-06-01\",\"status\":200,\"method\":\"GET\",\"repoName\":\"a\",\"repoType\":\"model\"}\n"
      "{\"timestamp\":\"2026-06-01\",\"status\":200,\"method\":\"GET\",\"repoName\":[\"a\"],\"repoType\":\"model\"}\n",
      HUB_LOG_ERROR_BAD_JSON, 2, "repoName" },
    { "{\"timestamp\":\"2026-06-01\",\"status\":null,\"method\":\"GET\",\"repoName\":\"a\",\"repoType\":\"model\"}\n",
      HUB_LOG_ERROR_BAD_STATUS, 1, "status" },
    { "{\"timestamp\":\"2026-06-01\",\"status\":200.5,\"method\":\"GET\",\"repoName\":\"a\",\"repoType\":\"model\"}\n",
      HUB_LOG_ERROR_BAD_STATUS, 1, "status" },
    { "{\"timestamp\":\"2026-06-01\",\"status\":200,\"method\":\"GET\",\"repoType\":\"model\"}\n",
      HUB_LOG_ERROR_EMPTY_FIELD, 1, "repoName" },
  };

  /* A NUL byte is not text, in a region as anywhere (add_paths() reads it
   * into a store of the whole span too, which keeps no regions). */
  static const char region_nul[] = HEADER "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip,US,Te\0xas\n";

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_test_message ("refusal %u", i);
      assert_refused (refusals[i].text, strlen (refusals[i].text), refusals[i].code,
                      refusals[i].line, refusals[i].column);
    }
  assert_refused (region_nul, sizeof region_nul - 1, HUB_LOG_ERROR_NOT_TEXT, 2, "region");
}

/* A gzip stream cut short is an error, not a shorter log. */
static void
test_cut_gzip (void)
{
  g_autoptr(GBytes) whole = gzip_text (DAY1 DAY1 DAY1);
  gsize len;
  const char *data = g_bytes_get_data (whole, &len);

  assert_refused (data, len - 9, HUB_LOG_ERROR_READ, 0, NULL);
}

/* Logs of many blocks, read on two threads: the same figures as read once
 * with every key sorted; an error deep in the file names its line. */
/* 40,000 lines of about 150 bytes: several blocks, and sessions across
 * them. */
static GString *
many_blocks_text (void)
{
  GString *text = g_string_new (HEADER);

  for (guint i = 0; i < 40000; i++)
    {
      guint s = i * 7;

      g_string_append_printf (text,
                              "2026-06-%02uT%02u:%02u:%02u.%03uZ,%u,%s,acme/repo-%u,%s,%s%016"
                              G_GINT64_MODIFIER "x,%s%x,%s,"
                              "some region with a long enough name to make the lines longer\n",
                              1 + s / 86400, s / 3600 % 24, s / 60 % 60, s % 60, i % 1000,
                              i % 11 == 0 ? 404 : i % 3 == 0 ? 200 : 302,
                              i % 4 == 0 ? "HEAD" : "GET", i % 37, i % 5 == 0 ? "dataset" : "model",
                              i % 2 ? "" : "fedcba98", (guint64) (i % 2 ? 0 : (i % 977) * G_GUINT64_CONSTANT (0x100000001)),
                              i % 2 ? "ip" : "", i % 2 ? i % 1553 : 0,
                              i % 13 == 0 ? "" : i % 3 ? "US" : "DE");
    }
  return text;
}

static void
test_many_blocks (void)
{
  g_autoptr(GString) text = many_blocks_text ();
  g_autoptr(GPtrArray) paths = temp_files ();
  HubLogOptions once = { NULL, FALSE, TRUE };
  const guint n = 40000;
  g_autofree char *streaming = NULL;
  g_autofree char *single = NULL;
  const char *path;

  g_assert_cmpuint (text->len, >, 4 * 1024 * 1024);
  {
    const char *texts[] = { text->str, NULL };

    streaming = summary_with (texts, NULL);
    single = summary_with (texts, &once);
  }
  g_assert_cmpstr (streaming, ==, single);
  assert_member (streaming, "$.requests", "40000");

  /* A bad line near the end: its line is the header plus its position. */
  g_string_append (text, "2026-06-01T10:00:00Z,200,GET,acme/m,model,,ip,US,\n");
  g_string_append (text, "2026-06-01T10:00:00Z,20O,GET,acme/m,model,,ip,US,\n");
  path = temp_file (paths, text->str, text->len);
  {
    g_autoptr(HubLogStore) store = hub_log_store_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *where = g_strdup_printf ("line %u,", n + 3);

    g_assert_false (add_paths (store, &path, 1, NULL, &error));
    g_assert_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_BAD_STATUS);
    g_assert_nonnull (strstr (error->message, where));
  }
}

/* A file of many full blocks: the same figures as through libcsv and in
 * one pass; a quotation mark late in the file hands the rest to libcsv; an
 * error's line is counted across blocks. */
/* A block finished before the one ahead of it is held past its turn while
 * its thread reads on. Holding every block shows that on any machine: the
 * same figures, and the same error at the same line. */
static void
test_held_blocks (void)
{
  g_autoptr(GString) text = many_blocks_text ();
  g_autoptr(GPtrArray) paths = temp_files ();
  const char *path = temp_file (paths, text->str, text->len);
  g_autoptr(HubLogStore) plain = hub_log_store_new ();
  g_autoptr(HubLogStore) held = hub_log_store_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) held_error = NULL;
  g_autofree char *held_summary = NULL;

  g_assert_true (add_paths_full (plain, &path, 1, NULL, FALSE, &error));
  log_set_hold_always (TRUE);
  g_assert_true (add_paths_full (held, &path, 1, NULL, FALSE, &error));
  log_set_hold_always (FALSE);
  g_assert_no_error (error);
  assert_same_figures (plain, held);
  held_summary = hub_log_summary_to_json (held);
  assert_member (held_summary, "$.requests", "40000");

  g_string_append (text, "2026-06-03T23:00:00Z,20O,GET,acme/m,model,,ip,US,\n");
  path = temp_file (paths, text->str, text->len);
  {
    g_autoptr(HubLogStore) store = hub_log_store_new ();
    g_autoptr(HubLogStore) held_store = hub_log_store_new ();

    g_assert_false (add_paths_full (store, &path, 1, NULL, FALSE, &error));
    log_set_hold_always (TRUE);
    g_assert_false (add_paths_full (held_store, &path, 1, NULL, FALSE, &held_error));
    log_set_hold_always (FALSE);
    g_assert_nonnull (strstr (held_error->message, "line 40002,"));
    g_assert_cmpstr (error->message, ==, held_error->message);
  }
}

static void
test_long_file (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GPtrArray) paths = temp_files ();
  HubLogOptions once = { NULL, FALSE, TRUE };
  const guint n = 120000;
  g_autofree char *streaming = NULL;
  g_autofree char *single = NULL;
  const char *path;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "2026-06-%02uT%02u:%02u:%02uZ,%u,GET,acme/repo-%u,model,,"
                            "%032x,%s,a region of a length that makes ten megabytes%s\n",
                            1 + i / 40000, i / 3600 % 24, i / 60 % 60, i % 60,
                            i % 9 == 0 ? 404 : 302, i % 53, i % 4099, i % 3 ? "US" : "DE",
                            i % 2 ? "" : " and more");
  g_string_append (text, "2026-06-03T23:00:00Z,302,GET,\"acme/quoted, repo\",model,,ip,US,\n");
  g_assert_cmpuint (text->len, >, 3 * 4 * 1024 * 1024);
  path = temp_file (paths, text->str, text->len);
  {
    g_autoptr(HubLogStore) store = hub_log_store_new ();
    g_autoptr(HubLogStore) one_pass = hub_log_store_new ();
    g_autoptr(GError) error = NULL;

    g_assert_true (add_paths (store, &path, 1, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (add_paths (one_pass, &path, 1, &once, &error));
    g_assert_no_error (error);
    streaming = hub_log_summary_to_json (store);
    single = hub_log_summary_to_json (one_pass);
    g_assert_cmpstr (streaming, ==, single);
    assert_member (streaming, "$.requests", "120001");
    g_assert_nonnull (strstr (streaming, "\"repoName\":\"acme/quoted, repo\""));
  }

  g_string_append (text, "2026-06-03T23:00:00Z,302,GET,acme/m,model,,ip,US,\n"
                         "2026-06-03T23:00:00Z,302,GET,,model,,ip,US,\n");
  path = temp_file (paths, text->str, text->len);
  {
    g_autoptr(HubLogStore) store = hub_log_store_new ();
    g_autoptr(GError) error = NULL;
    g_autofree char *where = g_strdup_printf ("line %u,", n + 4);

    g_assert_false (add_paths (store, &path, 1, NULL, &error));
    g_assert_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_EMPTY_FIELD);
    g_assert_nonnull (strstr (error->message, where));
  }
}

/* Many lines of one second: each keeps its own fraction and zone, the
 * day is the UTC one, a leap second is the second before it, and what
 * follows the second is checked as on any line. */
static void
test_same_second (void)
{
  const char *texts[] = {
    HEADER
    "2026-06-01T23:59:59Z,200,GET,acme/a,model,,ip,US,\n"
    "2026-06-01T23:59:59.999Z,200,GET,acme/b,model,,ip,US,\n"
    "2026-06-01T23:59:59-00:01,200,GET,acme/c,model,,ip,US,\n"
    "2026-06-01T23:59:59+01:00,200,GET,acme/d,model,,ip,US,\n"
    "2026-06-01T23:59:59.5 -0030,200,GET,acme/e,model,,ip,US,\n"
    "2026-06-01T23:59:60Z,200,GET,acme/f,model,,ip,US,\n"
    "2026-06-01 23:59:59-00:01,200,GET,acme/g,model,,ip,US,\n"
    "2026-06-01,200,GET,acme/h,model,,ip,US,\n"
    "2026-06-01T23:59:59,200,GET,acme/i,model,,ip,US,\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  HubLogFigures days[2];
  HubDay first = hub_day_from_ymd (2026, 6, 1);

  g_assert_no_error (error);
  hub_log_store_daily (store, HUB_LOG_FILTER_ALL, first, first + 1, days);
  g_assert_cmpuint (days[0].requests, ==, 6);
  g_assert_cmpuint (days[1].requests, ==, 3);

  {
    const char *bad[] = {
      HEADER
      "2026-06-01T23:59:59Z,200,GET,acme/a,model,,ip,US,\n"
      "2026-06-01T23:59:59Zx,200,GET,acme/a,model,,ip,US,\n",
      NULL
    };
    g_autoptr(HubLogStore) refused = NULL;

    g_clear_error (&error);
    refused = read_texts (bad, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_BAD_DATE);
    g_assert_nonnull (strstr (error->message, "line 3,"));
  }
}

static void
cut_after_first_block (GFile    *file,
                       goffset   offset,
                       gpointer  data)
{
  guint *blocks = data;
  g_autofree char *path = g_file_get_path (file);

  if ((*blocks)++ == 0)
    g_assert_cmpint (truncate (path, offset + 100), ==, 0);
}

/* A plain file that another program cuts shorter between two of its
 * blocks: a clear error, never a fault, and the store as it was; by
 * position and through libcsv alike. */
static void
test_cut_while_read (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autofree char *before = NULL;
  const char *path;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "2026-06-01T%02u:%02u:%02uZ,200,GET,acme/repo-%u,model,,%08x,US,\n",
                            i / 3600 % 24, i / 60 % 60, i % 60, i % 7, i % 1009);
  path = temp_file (paths, text->str, text->len);
  before = hub_log_summary_to_json (store);

  for (int through_csv = 0; through_csv < 2; through_csv++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      guint blocks = 0;

      g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, NULL));
      log_set_block_hook (cut_after_first_block, &blocks);
      g_assert_false (add_paths_full (store, &path, 1, NULL, through_csv, &error));
      log_set_block_hook (NULL, NULL);
      g_assert_error (error, HUB_LOG_ERROR, HUB_LOG_ERROR_CHANGED);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "changed while it was read"));
      g_assert_cmpuint (blocks, ==, 1);
      after = hub_log_summary_to_json (store);
      g_assert_cmpstr (before, ==, after);
    }
}

/* Per-day series and figures per repository and per country, as the
 * window asks for them. */
static void
test_queries (void)
{
  const char *texts[] = { DAY1, DAY2, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  HubLogFigures days[2];
  HubLogFigures by_country[2];
  HubLogFigures one;
  HubDay first, last;
  int fr = -1;

  g_assert_no_error (error);
  g_assert_true (hub_log_store_get_days (store, &first, &last));
  hub_log_store_daily (store, HUB_LOG_FILTER_ALL, first, last, days);
  g_assert_cmpuint (days[0].requests, ==, 3);
  g_assert_cmpuint (days[1].requests, ==, 3);
  g_assert_cmpuint (days[0].uniques, ==, 2);
  g_assert_cmpuint (days[1].uniques, ==, 2);
  g_assert_cmpuint (days[0].sessions + days[1].sessions, ==, 4);

  g_assert_cmpuint (hub_log_store_get_n_countries (store), ==, 2);
  for (guint i = 0; i < 2; i++)
    if (g_strcmp0 (hub_log_store_get_country (store, i), "FR") == 0)
      fr = (int) i;
  g_assert_cmpint (fr, >=, 0);
  hub_log_store_by_country (store, first, last, by_country);
  g_assert_cmpuint (by_country[fr].requests, ==, 2);
  g_assert_cmpuint (by_country[fr].anonymous_ips, ==, 1);
  g_assert_cmpuint (by_country[fr].classes[HUB_LOG_CLASS_DOWNLOAD], ==, 1);

  hub_log_store_figures (store, (HubLogFilter) { 0, fr }, first, first, &one);
  g_assert_cmpuint (one.requests, ==, 1);
}

/* The aggregate DuckDB made of the two days (data/sql), read as logs are,
 * gives what the raw logs give; a broken aggregate is refused like logs. */
static void
test_aggregate (void)
{
  g_autofree char *aggregate = g_test_build_filename (G_TEST_DIST, "data", "logs",
                                                      "aggregate-duckdb.csv", NULL);
  g_autofree char *day1 = g_test_build_filename (G_TEST_DIST, "data", "logs", "day-1.csv", NULL);
  g_autofree char *day2 = g_test_build_filename (G_TEST_DIST, "data", "logs", "day-2.jsonl", NULL);
  const char *raw[] = { day1, day2 };
  g_autoptr(HubLogStore) from_raw = hub_log_store_new ();
  g_autoptr(HubLogStore) from_aggregate = hub_log_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *header = "day,repoType,repoName,country,method,status,requests,sessions,users,"
                       "anonymousIps\n";
  g_autofree char *bad_count = g_strconcat (header, "2026-10-01,model,acme/m,US,GET,302,1,0,,\n"
                                            "2026-10-01,model,acme/m,US,GET,302,-1,0,,\n", NULL);
  g_autofree char *bad_sketch = g_strconcat (header, "2026-10-01,model,acme/m,US,GET,302,1,1,"
                                             "h:00000000000000zz,\n", NULL);
  g_autofree char *bad_day = g_strconcat (header, "2026-10-01T10:00:00Z,model,acme/m,US,GET,302,"
                                          "1,1,,\n", NULL);

  g_assert_true (add_paths (from_raw, raw, 2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (add_paths (from_aggregate, (const char * const *) &aggregate, 1, NULL, &error));
  g_assert_no_error (error);
  a = hub_log_summary_to_json (from_raw);
  b = hub_log_summary_to_json (from_aggregate);
  g_assert_cmpstr (a, ==, b);
  assert_member (b, "$.requests", "300");

  assert_refused (bad_count, strlen (bad_count), HUB_LOG_ERROR_BAD_COUNT, 3, "requests");
  assert_refused (bad_sketch, strlen (bad_sketch), HUB_LOG_ERROR_BAD_SKETCH, 2, "users");
  assert_refused (bad_day, strlen (bad_day), HUB_LOG_ERROR_BAD_DATE, 2, "day");
}

/* The identity at position i of the top over all days. */
static HubLogIdentity *
top_at (GPtrArray *top,
        guint      i)
{
  g_assert_cmpuint (i, <, top->len);
  return top->pdata[i];
}

static guint64
hash_of (const char *id)
{
  return hub_identity_hash (id, strlen (id));
}

/* Identities with the most requests, errors included; ties by hash; their
 * sessions; the display form; marking from the team list and isInternal. */
static void
test_top_identities (void)
{
  const char *texts[] = {
    HEADER_INTERNAL
    "2026-06-01T10:00:00Z,302,GET,acme/m,model," U2 ",,US,,\n"
    "2026-06-01T10:01:00Z,302,GET,acme/m,model," U1 ",,US,,\n"
    "2026-06-01T10:02:00Z,404,GET,acme/m,model," U1 ",,US,,\n"
    "2026-06-01T10:20:00Z,302,GET,acme/m,model," U2 ",,US,,\n"
    "2026-06-01T10:21:00Z,302,GET,acme/m,model,,1.2.3.4,US,,true\n"
    "2026-06-01T10:22:00Z,302,GET,acme/m,model,,,US,,\n",
    NULL
  };
  const char *team[] = { U2, NULL };
  HubLogOptions with_team = { team, FALSE, FALSE };
  HubLogOptions without_team = { team, TRUE, FALSE };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  g_autoptr(HubLogStore) marked = NULL;
  g_autoptr(HubLogStore) excluded = NULL;
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) two = NULL;
  HubLogIdentity *first, *second, *third;
  g_autoptr(HubLogIdentity) copy = NULL;

  g_assert_no_error (error);
  top = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 10);
  /* The line with neither id is no one's. */
  g_assert_cmpuint (top->len, ==, 3);
  first = top_at (top, 0);
  second = top_at (top, 1);
  third = top_at (top, 2);
  /* U1 and U2 tie at 2 (U1's 404 counts): the smaller hash first. */
  g_assert_cmpuint (first->requests, ==, 2);
  g_assert_cmpuint (second->requests, ==, 2);
  g_assert_cmpuint (first->hash, <, second->hash);
  g_assert_cmpuint (first->hash, ==, MIN (hash_of (U1), hash_of (U2)));
  g_assert_cmpuint (third->requests, ==, 1);
  g_assert_cmpuint (third->hash, ==, hash_of ("1.2.3.4"));
  g_assert_false (third->is_user);
  g_assert_true (first->is_user);
  g_assert_cmpuint (first->requests_error, ==, 0);
  /* U2's lines are 20 minutes apart: two sessions; U1's 404 begins none. */
  g_assert_cmpuint (first->hash == hash_of (U2) ? first->sessions : second->sessions, ==, 2);
  g_assert_cmpuint (first->hash == hash_of (U1) ? first->sessions : second->sessions, ==, 1);

  /* The id goes on a team list as it is, and means the same identity. */
  g_assert_cmpuint (strlen (first->id), ==, 16);
  g_assert_cmpuint (hash_of (first->id), ==, first->hash);
  g_assert_true (hub_log_identity_matches (first, first->id));
  g_assert_cmpint (strncmp (first->short_id, first->id, 8), ==, 0);
  g_assert_cmpstr (first->short_id + 8, ==, "…");
  g_assert_true (hub_log_identity_matches (third, "1.2.3.4"));
  g_assert_false (hub_log_identity_matches (third, "1.2.3.5"));
  g_assert_false (hub_log_identity_matches (third, ""));
  copy = hub_log_identity_copy (third);
  g_assert_cmpstr (copy->id, ==, third->id);
  g_assert_cmpuint (copy->requests, ==, third->requests);

  /* isInternal marks the address; nobody else is marked yet. */
  g_assert_true (third->team);
  g_assert_false (first->team);
  g_assert_false (second->team);

  /* Marking U2 by the id shown shows it marked at once. */
  {
    const char *ids[] = { first->hash == hash_of (U2) ? first->id : second->id, NULL };

    hub_log_store_set_team_ids (store, ids);
    two = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 2);
    g_assert_cmpuint (two->len, ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_cmpint (top_at (two, i)->team, ==, top_at (two, i)->hash == hash_of (U2));
    hub_log_store_set_team_ids (store, NULL);
  }
  g_clear_pointer (&two, g_ptr_array_unref);
  two = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 2);
  g_assert_false (top_at (two, 0)->team || top_at (two, 1)->team);

  /* Read with the team list, U2 is marked; left out of the figures, it is
   * still in the top, with its requests, to be unmarked. */
  marked = read_texts (texts, &with_team, &error);
  g_assert_no_error (error);
  g_clear_pointer (&two, g_ptr_array_unref);
  two = hub_log_store_top_identities (marked, G_MININT32, G_MAXINT32, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (top_at (two, i)->team, ==, top_at (two, i)->hash == hash_of (U2));
  excluded = read_texts (texts, &without_team, &error);
  g_assert_no_error (error);
  g_clear_pointer (&two, g_ptr_array_unref);
  two = hub_log_store_top_identities (excluded, G_MININT32, G_MAXINT32, 2);
  g_assert_cmpuint (two->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpuint (top_at (two, i)->requests, ==, 2);
      if (top_at (two, i)->hash == hash_of (U2))
        {
          g_assert_true (top_at (two, i)->team);
          g_assert_cmpuint (top_at (two, i)->sessions, ==, 0);
        }
    }

  /* max 0: none; a range without days: none. */
  g_clear_pointer (&two, g_ptr_array_unref);
  two = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 0);
  g_assert_cmpuint (two->len, ==, 0);
  g_clear_pointer (&two, g_ptr_array_unref);
  two = hub_log_store_top_identities (store, 0, 1, 10);
  g_assert_cmpuint (two->len, ==, 0);
}

/* A day of one heavy identity per ten lines, and many with one request
 * each: exact while the summary holds every identity of the day; then the
 * heavy ones still on top, each within the error, which stays within the
 * day's requests / (HUB_LOG_TOP_SLOTS / 2). */
static void
test_top_capacity (void)
{
  for (guint distinct = HUB_LOG_TOP_SLOTS - 3; distinct <= 4000; distinct += 3875)
    {
      g_autoptr(GString) text = g_string_new (HEADER);
      const char *texts[] = { NULL, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(HubLogStore) store = NULL;
      g_autoptr(GPtrArray) top = NULL;
      guint64 heavy[3] = { 0, 0, 0 };
      guint64 lines = 0;

      for (guint i = 0; i < distinct; i++)
        {
          /* Before each light identity, a heavy one: 3 heavy, 2:3:5. */
          guint h = i % 10 < 2 ? 0 : i % 10 < 5 ? 1 : 2;

          g_string_append_printf (text, "2026-06-01T10:%02u:%02uZ,302,GET,acme/m,model,heavy-%u,,US,\n"
                                  "2026-06-01T10:%02u:%02uZ,302,GET,acme/m,model,,light-%u,US,\n",
                                  i / 60 % 60, i % 60, h, i / 60 % 60, i % 60, i);
          heavy[h]++;
          lines += 2;
        }
      texts[0] = text->str;
      store = read_texts (texts, NULL, &error);
      g_assert_no_error (error);
      top = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 3);
      g_assert_cmpuint (top->len, ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          HubLogIdentity *identity = top_at (top, i);
          guint64 truth = heavy[2 - i];

          g_assert_cmpuint (identity->hash, ==, hash_of (i == 0 ? "heavy-2" : i == 1 ? "heavy-1"
                                                                   : "heavy-0"));
          g_assert_cmpuint (identity->requests, <=, truth);
          g_assert_cmpuint (identity->requests + identity->requests_error, >=, truth);
          g_assert_cmpuint (identity->requests_error, <=, lines / (HUB_LOG_TOP_SLOTS / 2));
          if (distinct + 3 <= HUB_LOG_TOP_SLOTS)
            {
              g_assert_cmpuint (identity->requests_error, ==, 0);
              g_assert_cmpuint (identity->requests, ==, truth);
            }
          else
            g_assert_cmpuint (identity->requests_error, >, 0);
        }
    }
}

/* A range's top adds its days up: an identity's requests and sessions over
 * both days; either day alone. */
static void
test_top_days (void)
{
  const char *texts[] = { DAY1, DAY2, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) day1 = NULL;
  g_autoptr(GPtrArray) day2 = NULL;
  HubDay first, last;

  g_assert_no_error (error);
  g_assert_true (hub_log_store_get_days (store, &first, &last));
  both = hub_log_store_top_identities (store, first, last, 10);
  day1 = hub_log_store_top_identities (store, first, first, 10);
  day2 = hub_log_store_top_identities (store, last, last, 10);
  g_assert_cmpuint (both->len, ==, 2);
  /* U1: two lines each day; sessions 12:00, 23:57 → 00:01, 09:00. */
  g_assert_cmpuint (top_at (both, 0)->hash, ==, hash_of (U1));
  g_assert_cmpuint (top_at (both, 0)->requests, ==, 4);
  g_assert_cmpuint (top_at (both, 0)->sessions, ==, 3);
  g_assert_cmpuint (top_at (both, 1)->requests, ==, 2);
  g_assert_cmpuint (top_at (both, 1)->sessions, ==, 1);
  g_assert_false (top_at (both, 1)->is_user);
  g_assert_cmpuint (top_at (day1, 0)->requests, ==, 2);
  g_assert_cmpuint (top_at (day1, 0)->sessions, ==, 2);
  g_assert_cmpuint (top_at (day2, 0)->requests, ==, 2);
  g_assert_cmpuint (top_at (day2, 0)->sessions, ==, 1);
  g_assert_cmpuint (top_at (day2, 1)->sessions, ==, 0);
}

/* Requests and sessions by region inside a country; lines without a region
 * count for none; a country without any has none. */
static void
test_regions (void)
{
  const char *texts[] = {
    HEADER
    "2026-06-01T10:00:00Z,302,GET,acme/m,model," U1 ",,US,California\n"
    "2026-06-01T10:01:00Z,302,GET,acme/m,model," U1 ",,US,Texas\n"
    "2026-06-01T10:30:00Z,302,GET,acme/m,model," U1 ",,us,Texas\n"
    "2026-06-01T10:31:00Z,404,GET,acme/m,model," U2 ",,US,Oregon\n"
    "2026-06-01T10:32:00Z,302,GET,acme/m,model," U2 ",,US,\n"
    "2026-06-02T10:00:00Z,302,GET,acme/m,model," U2 ",,US,California\n"
    "2026-06-02T10:00:00Z,302,GET,acme/m,model," U1 ",,DE,\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) store = read_texts (texts, NULL, &error);
  g_autoptr(GPtrArray) us = NULL;
  g_autoptr(GPtrArray) us_day1 = NULL;
  g_autoptr(GPtrArray) de = NULL;
  g_autoptr(HubLogRegion) copy = NULL;
  HubDay first, last;
  guint us_index = 0, de_index = 0;

  g_assert_no_error (error);
  g_assert_true (hub_log_store_get_days (store, &first, &last));
  for (guint c = 0; c < hub_log_store_get_n_countries (store); c++)
    {
      if (g_strcmp0 (hub_log_store_get_country (store, c), "US") == 0)
        us_index = c;
      if (g_strcmp0 (hub_log_store_get_country (store, c), "DE") == 0)
        de_index = c;
    }
  us = hub_log_store_regions (store, first, last, us_index);
  g_assert_cmpuint (us->len, ==, 3);
  /* California and Texas tie at 2: by name. */
  g_assert_cmpstr (((HubLogRegion *) us->pdata[0])->region, ==, "California");
  g_assert_cmpuint (((HubLogRegion *) us->pdata[0])->requests, ==, 2);
  g_assert_cmpuint (((HubLogRegion *) us->pdata[0])->sessions, ==, 2);
  g_assert_cmpstr (((HubLogRegion *) us->pdata[1])->region, ==, "Texas");
  g_assert_cmpuint (((HubLogRegion *) us->pdata[1])->requests, ==, 2);
  /* U1's 10:01 line continues the session begun in California. */
  g_assert_cmpuint (((HubLogRegion *) us->pdata[1])->sessions, ==, 1);
  /* An error: a request, no session. */
  g_assert_cmpstr (((HubLogRegion *) us->pdata[2])->region, ==, "Oregon");
  g_assert_cmpuint (((HubLogRegion *) us->pdata[2])->requests, ==, 1);
  g_assert_cmpuint (((HubLogRegion *) us->pdata[2])->sessions, ==, 0);
  copy = hub_log_region_copy (us->pdata[2]);
  g_assert_cmpstr (copy->region, ==, "Oregon");

  us_day1 = hub_log_store_regions (store, first, first, us_index);
  g_assert_cmpuint (us_day1->len, ==, 3);
  g_assert_cmpstr (((HubLogRegion *) us_day1->pdata[0])->region, ==, "Texas");
  g_assert_cmpuint (((HubLogRegion *) us_day1->pdata[1])->requests, ==, 1);

  de = hub_log_store_regions (store, first, last, de_index);
  g_assert_cmpuint (de->len, ==, 0);
}

/* An aggregate without a region column has no regions; with one, its rows
 * count where they say. */
static void
test_aggregate_regions (void)
{
  const char *without[] = {
    "day,repoType,repoName,country,method,status,requests,sessions,users,anonymousIps\n"
    "2026-10-01,model,acme/m,US,GET,302,5,2,,\n",
    NULL
  };
  const char *with[] = {
    "day,repoType,repoName,country,region,method,status,requests,sessions,users,anonymousIps\n"
    "2026-10-01,model,acme/m,US,Texas,GET,302,5,2,,\n"
    "2026-10-01,model,acme/m,US,Texas,HEAD,200,3,1,,\n"
    "2026-10-01,model,acme/m,US,,GET,302,4,1,,\n",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(HubLogStore) plain = read_texts (without, NULL, &error);
  g_autoptr(HubLogStore) regional = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) texas = NULL;
  g_autoptr(GPtrArray) top = NULL;

  g_assert_no_error (error);
  none = hub_log_store_regions (plain, G_MININT32, G_MAXINT32, 0);
  g_assert_cmpuint (none->len, ==, 0);
  /* An aggregate knows no identities. */
  top = hub_log_store_top_identities (plain, G_MININT32, G_MAXINT32, 10);
  g_assert_cmpuint (top->len, ==, 0);

  regional = read_texts (with, NULL, &error);
  g_assert_no_error (error);
  texas = hub_log_store_regions (regional, G_MININT32, G_MAXINT32, 0);
  g_assert_cmpuint (texas->len, ==, 1);
  g_assert_cmpstr (((HubLogRegion *) texas->pdata[0])->region, ==, "Texas");
  g_assert_cmpuint (((HubLogRegion *) texas->pdata[0])->requests, ==, 8);
  g_assert_cmpuint (((HubLogRegion *) texas->pdata[0])->sessions, ==, 3);
}

/* The top identities, the regions and the team list are saved with the
 * store and read back the same. */
static void
test_audience_saved (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(HubLogStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  const char *team[] = { "heavy-1", NULL };
  HubLogOptions options = { team, FALSE, FALSE };
  const char *log;
  g_autofree char *cache = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GPtrArray) top_a = NULL;
  g_autoptr(GPtrArray) top_b = NULL;

  /* Enough identities for the summary to have purged: its error is saved. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "2026-06-0%uT10:%02u:%02uZ,302,GET,acme/m,model,heavy-%u,,US,%s\n"
                            "2026-06-0%uT10:%02u:%02uZ,302,GET,acme/m,model,,light-%u,FR,\n",
                            1 + i % 2, i / 60 % 60, i % 60, i % 3, i % 4 ? "Texas" : "Ohio",
                            1 + i % 2, i / 60 % 60, i % 60, i);
  log = temp_file (paths, text->str, text->len);
  cache = g_strconcat (log, ".aggregate", NULL);
  g_ptr_array_add (paths, g_strdup (cache));
  g_assert_true (add_paths (store, &log, 1, &options, &error));
  g_assert_no_error (error);
  g_assert_true (hub_log_store_save (store, cache, &error));
  g_assert_no_error (error);
  reopened = hub_log_store_load (cache, &error);
  g_assert_no_error (error);

  a = log_store_audience_text (store);
  b = log_store_audience_text (reopened);
  g_assert_cmpstr (a, ==, b);
  /* Each heavy identity's lines of a day are seconds apart: a session a
   * day, begun in Ohio when its first line was. */
  g_assert_nonnull (strstr (a, "US: Texas 750 4; Ohio 250 2;"));
  top_a = hub_log_store_top_identities (store, G_MININT32, G_MAXINT32, 3);
  top_b = hub_log_store_top_identities (reopened, G_MININT32, G_MAXINT32, 3);
  g_assert_cmpuint (top_a->len, ==, 3);
  g_assert_cmpuint (top_b->len, ==, 3);
  g_assert_cmpuint (top_at (top_a, 0)->requests_error, >, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (top_at (top_a, i)->hash, ==, top_at (top_b, i)->hash);
      g_assert_cmpuint (top_at (top_a, i)->requests, ==, top_at (top_b, i)->requests);
      g_assert_cmpuint (top_at (top_a, i)->requests_error, ==, top_at (top_b, i)->requests_error);
      g_assert_cmpuint (top_at (top_a, i)->sessions, ==, top_at (top_b, i)->sessions);
      g_assert_cmpint (top_at (top_b, i)->team, ==, top_at (top_b, i)->hash == hash_of ("heavy-1"));
    }
}

/* Progress counts the bytes and the lines read; a cancelled read leaves the
 * store as it was. */
static void
test_progress_cancel (void)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  const char *path = temp_file (paths, DAY1, strlen (DAY1));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *files[] = { file };
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  HubProgress progress = { 0 };

  g_assert_true (hub_log_store_add_files (store, files, &path, 1, NULL, &progress, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (atomic_load (&progress.bytes), ==, strlen (DAY1));
  g_assert_cmpuint (atomic_load (&progress.rows), ==, 3);

  before = hub_log_summary_to_json (store);
  g_cancellable_cancel (cancellable);
  g_assert_false (hub_log_store_add_files (store, files, &path, 1, NULL, NULL, cancellable,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = hub_log_summary_to_json (store);
  g_assert_cmpstr (before, ==, after);
}

/* What the Audience view shows, computed at once for a period: the
 * store's own figures over All Time (every day of the logs) and Last
 * Month (their last 30 days). */
static void
test_audience_figures (void)
{
  g_autoptr(GPtrArray) paths = temp_files ();
  g_autoptr(HubLogStore) store = hub_log_store_new ();
  g_autoptr(HubAudienceFigures) all = NULL;
  g_autoptr(HubAudienceFigures) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autofree HubLogFigures *daily = NULL;
  g_autofree HubLogFigures *repos = NULL;
  const char *path;
  HubLogFigures f;
  guint n_days;

  /* 40 days: the last month is the last 30 of them. */
  for (guint d = 0; d < 40; d++)
    {
      GDate *date = g_date_new_dmy (1, G_DATE_MAY, 2026);

      g_date_add_days (date, d);
      g_string_append_printf (text, "2026-%02u-%02uT10:00:00Z,302,GET,acme/m,model,u%u,,US,Bavaria\n",
                              g_date_get_month (date), g_date_get_day (date), d % 7);
      g_string_append_printf (text, "2026-%02u-%02uT11:00:00Z,200,GET,acme/d,dataset,,ip%u,%s,\n",
                              g_date_get_month (date), g_date_get_day (date), d, d % 2 ? "FR" : "US");
      g_date_free (date);
    }
  path = temp_file (paths, text->str, text->len);
  g_assert_true (add_paths (store, &path, 1, NULL, &error));
  g_assert_no_error (error);

  all = hub_audience_figures_new (store, HUB_PERIOD_ALL_TIME);
  month = hub_audience_figures_new (store, HUB_PERIOD_LAST_MONTH);
  g_assert_cmpint (all->last - all->first + 1, ==, 40);
  g_assert_cmpint (month->last, ==, all->last);
  g_assert_cmpint (month->first, ==, hub_range_last_month (all->last).first);

  hub_log_store_figures (store, HUB_LOG_FILTER_ALL, month->first, month->last, &f);
  g_assert_cmpmem (&month->total, sizeof f, &f, sizeof f);
  n_days = (guint) (month->last - month->first + 1);
  daily = g_new0 (HubLogFigures, n_days);
  hub_log_store_daily (store, HUB_LOG_FILTER_ALL, month->first, month->last, daily);
  g_assert_cmpmem (month->daily, n_days * sizeof *daily, daily, n_days * sizeof *daily);
  repos = g_new0 (HubLogFigures, hub_log_store_get_n_repos (store));
  hub_log_store_by_repo (store, month->first, month->last, repos);
  g_assert_cmpuint (month->n_repos, ==, 2);
  g_assert_cmpmem (month->repos, 2 * sizeof *repos, repos, 2 * sizeof *repos);

  g_assert_cmpuint (all->total.requests, ==, 80);
  g_assert_cmpuint (all->total.uniques, ==, 7 + 40);
  g_assert_cmpstr (hub_log_store_get_country (store, all->country_order[0]), ==, "US");
  g_assert_cmpstr (all->region_country, ==, "US");
  g_assert_cmpuint (all->regions->len, ==, 1);
  g_assert_cmpstr (((HubLogRegion *) g_ptr_array_index (all->regions, 0))->region, ==, "Bavaria");
  g_assert_cmpuint (all->identities->len, ==, HUB_AUDIENCE_TOP_IDENTITIES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/logs/summary", test_summary);
  g_test_add_func ("/core/logs/no-lines", test_no_lines);
  g_test_add_func ("/core/logs/session-gap", test_session_gap);
  g_test_add_func ("/core/logs/session-midnight", test_session_midnight);
  g_test_add_func ("/core/logs/files-out-of-order", test_files_out_of_order);
  g_test_add_func ("/core/logs/lines-out-of-order", test_lines_out_of_order);
  g_test_add_func ("/core/logs/appended-day", test_appended_day);
  g_test_add_func ("/core/logs/save-load", test_save_load);
  g_test_add_func ("/core/logs/identity", test_identity);
  g_test_add_func ("/core/logs/short-paths", test_short_paths);
  g_test_add_func ("/core/logs/bytes-equal", test_bytes_equal);
  g_test_add_func ("/core/logs/errors-count-for-no-one", test_errors_count_for_no_one);
  g_test_add_func ("/core/logs/classes", test_classes);
  g_test_add_func ("/core/logs/formats-equal", test_formats_equal);
  g_test_add_func ("/core/logs/single-pass", test_single_pass);
  g_test_add_func ("/core/logs/old-columns", test_old_columns);
  g_test_add_func ("/core/logs/team", test_team);
  g_test_add_func ("/core/logs/refusals", test_refusals);
  g_test_add_func ("/core/logs/cut-gzip", test_cut_gzip);
  g_test_add_func ("/core/logs/many-blocks", test_many_blocks);
  g_test_add_func ("/core/logs/held-blocks", test_held_blocks);
  g_test_add_func ("/core/logs/long-file", test_long_file);
  g_test_add_func ("/core/logs/same-second", test_same_second);
  g_test_add_func ("/core/logs/cut-while-read", test_cut_while_read);
  g_test_add_func ("/core/logs/queries", test_queries);
  g_test_add_func ("/core/logs/aggregate", test_aggregate);
  g_test_add_func ("/core/logs/progress-cancel", test_progress_cancel);
  g_test_add_func ("/core/logs/top-identities", test_top_identities);
  g_test_add_func ("/core/logs/top-capacity", test_top_capacity);
  g_test_add_func ("/core/logs/top-days", test_top_days);
  g_test_add_func ("/core/logs/regions", test_regions);
  g_test_add_func ("/core/logs/aggregate-regions", test_aggregate_regions);
  g_test_add_func ("/core/logs/audience-saved", test_audience_saved);
  g_test_add_func ("/core/logs/audience-figures", test_audience_figures);

  return g_test_run ();
}
