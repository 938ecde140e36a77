/* hub-test-util.h: loading text every way the parser can read it, for the tests and the fuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-core.h"

G_BEGIN_DECLS

/* The name every helper gives its input; error messages must carry it. */
#define HUB_TEST_SOURCE "input.csv"

void        hub_test_assert_same_numbers    (HubDataset  *a,
                                            HubDataset  *b);
void        hub_test_assert_datasets_equal (HubDataset  *a,
                                            HubDataset  *b);
void        hub_test_assert_errors_equal   (const GError *a,
                                            const GError *b);

HubDataset *hub_test_load_in_pieces        (const char  *text,
                                            gsize        len,
                                            gsize        piece,
                                            GError     **error);
HubDataset *hub_test_load_every_way        (const char  *text,
                                            gsize        len,
                                            GError     **error);

HubDataset *hub_test_parse                 (const char  *text);
void        hub_test_assert_refused        (const char  *text,
                                            HubParseError code,
                                            guint        line,
                                            const char  *column);

char       *hub_test_write_temp_file       (const char  *text,
                                            gsize        len);

HubDay      hub_test_day                   (const char  *iso);
gint64      hub_test_count                 (HubDataset  *dataset,
                                            const char  *type,
                                            const char  *name,
                                            const char  *iso);

/* What a run of the hub-analytics binary gave: its exit status and output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} HubTestRun;

void  hub_test_run_clear       (HubTestRun *run);
char *hub_test_bytes_to_string (GBytes     *bytes);
void  hub_test_run_binary      (HubTestRun         *run,
                                const char * const *args,
                                GBytes             *input,
                                const char         *input_path,
                                const char         *cwd);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HubTestRun, hub_test_run_clear)

G_END_DECLS
