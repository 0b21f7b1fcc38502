// Readers report problems as meridian::Diagnostic (core/diagnostic.h); io
// code names them io::Diagnostic.
#pragma once

#include "core/diagnostic.h"

namespace meridian::io {
using meridian::countErrors;
using meridian::Diagnostic;
using meridian::Severity;
}  // namespace meridian::io
