/* hub-report.h: one page for a range: cards, trend, movers, milestones, as PDF or PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hub-cli.h"
#include "hub-core.h"
#include "hub-history.h"

G_BEGIN_DECLS

typedef enum
{
  HUB_REPORT_PDF,
  HUB_REPORT_PNG,
} HubReportFormat;

/* What a report shows. */
typedef struct
{
  HubDataset    *dataset;
  const char    *organization;   /* its name, the page's title */
  HubRange       range;
  HubComparison  comparison;
  GPtrArray     *notes;          /* (nullable) HubNote, of the organisation and its repositories */
  GDateTime     *made;           /* when it is made, written on the page */
} HubReport;

/* A4 in points, the page's size in both formats; a PNG has
 * HUB_REPORT_PNG_SCALE pixels a point. */
#define HUB_REPORT_WIDTH      595
#define HUB_REPORT_HEIGHT     842
#define HUB_REPORT_PNG_SCALE  2

gboolean  hub_report_format_for_path (const char       *path,
                                      HubReportFormat  *format);
gboolean  hub_report_write           (const HubReport  *report,
                                      const char       *path,
                                      HubReportFormat   format,
                                      GError          **error);
int       hub_report_cli             (const char       *input,
                                      const char       *organization,
                                      const char       *output,
                                      const char       *range,
                                      const char       *comparison);

/* --report OUT.pdf|OUT.png [--range NICK] [--compare previous|year] FILE,
 * or --org ORG --report … for ORG's saved breakdown:
 * the command line's entry for the report, which draws with GTK. */
extern const HubCliCommand hub_report_command;

G_END_DECLS
