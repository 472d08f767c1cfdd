// The result for a fault of the calculator itself, never of the input.
#pragma once

#include <string>
#include <string_view>

namespace livermets {

// Status "error", one error under "case" saying that no result was computed
// and asking for the case to be reported, and "internal_fault": true.  The one
// builder of this shape: the core, the WebAssembly boundary and the page's
// loader (through the module's fault()) all use it.  `detail` says what failed.
std::string fault_result_json(std::string_view detail);

}  // namespace livermets
