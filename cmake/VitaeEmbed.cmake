# vitae_embed(<out-var> <name> <root> <dir>...): compiles every file under <root>/<dir>
# into a generated C++ source that defines vitae::embedded::<name>(), with a content
# hash and, when it pays, a precomputed gzip copy of each file.
add_executable(vitae_embed_tool ${CMAKE_CURRENT_LIST_DIR}/tools/embed.cpp)
target_compile_features(vitae_embed_tool PRIVATE cxx_std_20)
find_library(VITAE_EMBED_MBEDCRYPTO mbedcrypto REQUIRED)
target_link_libraries(vitae_embed_tool PRIVATE ${VITAE_EMBED_MBEDCRYPTO} z)

function(vitae_embed out_var name root)
  set(files)
  foreach(dir IN LISTS ARGN)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS RELATIVE ${root} ${root}/${dir}/*)
    list(APPEND files ${found})
  endforeach()
  list(SORT files)
  set(abs_files)
  foreach(f IN LISTS files)
    list(APPEND abs_files ${root}/${f})
  endforeach()
  file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/generated)
  set(out ${CMAKE_BINARY_DIR}/generated/embedded_${name}.cpp)
  add_custom_command(
    OUTPUT ${out}
    COMMAND vitae_embed_tool ${out} ${name} ${root} ${files}
    DEPENDS vitae_embed_tool ${abs_files}
    COMMENT "Embedding ${name}"
    VERBATIM)
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
