# `ricardo run --draws` as one process and under `mpirun --oversubscribe -np 3`: the bands
# (bands.csv: every country's and every pair's 5th, 50th and 95th percentile) must be the same
# bytes (issue 13: the same seed gives the same bands on 1 and 2 threads and under MPI).
#   cmake -DRICARDO=… -DMPIEXEC=… -DWORK=… -P draws_same_bands.cmake
foreach(var RICARDO MPIEXEC WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "draws_same_bands.cmake: -D${var}=… is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(args run --draws 30 --seed 5 --no-html --format json)

execute_process(COMMAND "${RICARDO}" ${args} --threads 1 --out "${WORK}/single"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ricardo run --draws failed (${rc}):\n${err}")
endif()
if(NOT err MATCHES "30 draws on 1 rank × 1 thread")
  message(FATAL_ERROR "one process did not say how it drew:\n${err}")
endif()

execute_process(COMMAND "${MPIEXEC}" --oversubscribe -np 3 "${RICARDO}" ${args} --threads 1
                        --out "${WORK}/mpi"
                RESULT_VARIABLE rc OUTPUT_VARIABLE mpi_out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mpirun -np 3 ricardo run --draws failed (${rc}):\n${err}")
endif()
if(NOT err MATCHES "30 draws on 3 ranks × 1 thread")
  message(FATAL_ERROR "the MPI run did not run on 3 ranks:\n${err}")
endif()
# Only rank 0 prints: one JSON document on stdout, not three.
string(REGEX MATCHALL "\"schema\": \"ricardo.run-result\"" documents "${mpi_out}")
list(LENGTH documents count)
if(NOT count EQUAL 1)
  message(FATAL_ERROR "the MPI run printed ${count} run-result documents, expected 1")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/single/bands.csv"
                        "${WORK}/mpi/bands.csv"
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "bands.csv differs between one process and three MPI ranks")
endif()
message(STATUS "bands.csv: same bytes on one process and three ranks")
