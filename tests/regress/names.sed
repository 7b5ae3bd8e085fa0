# Case names that carry a measurement, made the same on every run before
# the kernels are compared (sed -E over "STATUS PROGRAM NAME" lines).
# pagemap_ioctl's transact_test counts the pages its threads raced for.
s/(transact_test Extra pages) [0-9]+ \([0-9.]+%\), (extra thread faults) [0-9]+\./\1 N, \2 N./
# mrelease_test grows a child's allocations until process_mrelease() wins
# the race with its exit, and names the case by the size it got to.
s/(Success reaping a child with) [0-9]+MB (of memory allocations)/\1 N MB \2/
