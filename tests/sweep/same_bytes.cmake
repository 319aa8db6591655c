# `ricardo sweep SPEC` as one process and under `mpirun --oversubscribe -np 3`: the two output
# folders must hold the same files with the same bytes (issue 13, item 3).
#   cmake -DRICARDO=… -DMPIEXEC=… -DSPEC=… -DWORK=… -P same_bytes.cmake
foreach(var RICARDO MPIEXEC SPEC WORK)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "same_bytes.cmake: -D${var}=… is required")
  endif()
endforeach()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

execute_process(COMMAND "${RICARDO}" sweep "${SPEC}" --out "${WORK}/single"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ricardo sweep failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "one process: ${out}")

execute_process(COMMAND "${MPIEXEC}" --oversubscribe -np 3 "${RICARDO}" sweep "${SPEC}"
                        --out "${WORK}/mpi"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "mpirun -np 3 ricardo sweep failed (${rc}):\n${out}\n${err}")
endif()
message(STATUS "three ranks: ${out}")
if(NOT out MATCHES "on 3 ranks")
  message(FATAL_ERROR "the MPI run did not run on 3 ranks:\n${out}\n${err}")
endif()
# ricardo itself prints nothing on stderr off a terminal (OpenMPI may, about the machine).
if(err MATCHES "ricardo:")
  message(FATAL_ERROR "the MPI run printed on stderr:\n${err}")
endif()

file(GLOB single RELATIVE "${WORK}/single" "${WORK}/single/*")
file(GLOB mpi RELATIVE "${WORK}/mpi" "${WORK}/mpi/*")
list(SORT single)
list(SORT mpi)
if(NOT single STREQUAL mpi OR single STREQUAL "")
  message(FATAL_ERROR "different files: one process wrote '${single}', three ranks '${mpi}'")
endif()
foreach(name IN LISTS single)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK}/single/${name}"
                          "${WORK}/mpi/${name}"
                  RESULT_VARIABLE same)
  if(NOT same EQUAL 0)
    message(FATAL_ERROR "${name} differs between one process and three MPI ranks")
  endif()
  message(STATUS "${name}: same bytes")
endforeach()
