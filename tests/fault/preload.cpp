// The CLI's fault injection, as an LD_PRELOAD library (with alloc_fault.cpp):
//   LIVERMETS_FAIL_ALLOCATION=N   fail the N-th allocation after the CLI first
//                                 reads its input (allocations of the C++
//                                 runtime's start-up are not counted)
//   LIVERMETS_FAIL_REPORT=FILE    created at exit when the failure struck
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

#include "alloc_fault.hpp"

namespace {

bool g_armed = false;

bool arm_from_environment() {
  const char* n = std::getenv("LIVERMETS_FAIL_ALLOCATION");
  if (n && std::atol(n) > 0) {
    livermets_test::fail_allocation(std::atol(n));
    g_armed = true;
  }
  return true;
}

__attribute__((destructor)) void report() {
  const char* file = std::getenv("LIVERMETS_FAIL_REPORT");
  if (g_armed && file && !livermets_test::allocation_failure_pending()) {
    const int fd = ::open(file, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd >= 0) ::close(fd);
  }
}

}  // namespace

extern "C" ssize_t read(int fd, void* buffer, size_t count) {
  using Read = ssize_t (*)(int, void*, size_t);
  static const Read real = reinterpret_cast<Read>(dlsym(RTLD_NEXT, "read"));
  static const bool armed = arm_from_environment();
  (void)armed;
  return real(fd, buffer, count);
}
