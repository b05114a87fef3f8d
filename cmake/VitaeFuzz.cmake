# The libFuzzer targets (-DVITAE_FUZZ=ON with clang++; tests/fuzz/run.sh drives it). Every
# tests/fuzz/<name>_fuzz.cpp becomes its own executable <name>_fuzz, linked against the
# import code and the few files it uses, not vitae_lib: the clang build stays a dozen files.
# When the import code starts using another file of src/, add it to VITAE_FUZZ_SOURCES
# (the link of the fuzz targets fails until then).
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "VITAE_FUZZ needs clang++ (libFuzzer): "
    "cmake -DCMAKE_CXX_COMPILER=clang++ -DVITAE_FUZZ=ON -DVITAE_TESTS=OFF ...")
endif()

set(VITAE_FUZZ_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined
  -fno-omit-frame-pointer)
file(GLOB VITAE_FUZZ_IMPORT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/cv/import/*.cpp)
set(VITAE_FUZZ_SOURCES ${VITAE_FUZZ_IMPORT_SOURCES}
  ${CMAKE_SOURCE_DIR}/src/cv/mupdf_context.cpp
  ${CMAKE_SOURCE_DIR}/src/cv/resume.cpp
  ${CMAKE_SOURCE_DIR}/src/core/clock.cpp
  ${CMAKE_SOURCE_DIR}/src/core/error.cpp
  ${CMAKE_SOURCE_DIR}/src/core/log_file_sink.cpp
  ${CMAKE_SOURCE_DIR}/src/core/logging.cpp
  ${CMAKE_SOURCE_DIR}/src/core/utf8.cpp)

add_library(vitae_fuzz_lib STATIC ${VITAE_FUZZ_SOURCES})
target_include_directories(vitae_fuzz_lib PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_compile_definitions(vitae_fuzz_lib PUBLIC
  VITAE_VERSION="${PROJECT_VERSION}"
  SPDLOG_HEADER_ONLY SPDLOG_FMT_EXTERNAL FMT_HEADER_ONLY)
# Our code is instrumented for coverage; the Debian libraries (MuPDF, libarchive, pugixml)
# are not, so the fuzzer is guided by how our code reacts to what they return.
target_compile_options(vitae_fuzz_lib PUBLIC -fsanitize=fuzzer-no-link ${VITAE_FUZZ_FLAGS})
target_link_libraries(vitae_fuzz_lib PUBLIC vitae::deps)

file(GLOB VITAE_FUZZ_TARGETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/*_fuzz.cpp)
foreach(source ${VITAE_FUZZ_TARGETS})
  get_filename_component(name ${source} NAME_WE)
  add_executable(${name} ${source})
  target_link_libraries(${name} PRIVATE vitae_fuzz_lib)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer ${VITAE_FUZZ_FLAGS})
endforeach()
