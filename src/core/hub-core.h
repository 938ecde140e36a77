/* hub-core.h: everything src/core offers, for the app and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hub-atomic-file.h"
#include "hub-badge.h"
#include "hub-compare.h"
#include "hub-date.h"
#include "hub-dataset.h"
#include "hub-dataset-file.h"
#include "hub-parser.h"
#include "hub-range.h"
#include "hub-insights.h"
#include "hub-loader.h"
#include "hub-csv-writer.h"
#include "hub-estimate.h"
#include "hub-snapshot-import.h"
#include "hub-summary.h"
#include "hub-hll.h"
#include "hub-identity.h"
#include "hub-log.h"
#include "hub-audience-figures.h"
