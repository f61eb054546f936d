# The workload patterns, one list: workloads/ (tcbench) and fuzz/ (fuzz_flags
# links the flag parser with every workload) both include this file.
set(TC_PATTERN_SOURCES common binarytrees gcbench churn fifo largemix frag prodcons service finalizers ephemerons)
list(TRANSFORM TC_PATTERN_SOURCES PREPEND ${CMAKE_CURRENT_LIST_DIR}/)
list(TRANSFORM TC_PATTERN_SOURCES APPEND .c)
