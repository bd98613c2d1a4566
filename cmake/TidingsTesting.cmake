# tidings_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [GUI] [TIMEOUT <sec>] [LABELS <labels...>]
#                  [VARIANT <suffix> <VAR=value>...])
#
# The one place that turns a Qt Test executable into a CTest test. Every test runs
# with the offscreen platform (GUI tests that need a real display opt out with GUI)
# and with TIDINGS_TEST_TMP pointing into the build tree. VARIANT registers the same
# executable a second time as <name>_<suffix> with extra environment variables.
function(tidings_add_test)
    cmake_parse_arguments(T "GUI" "NAME;TIMEOUT" "SOURCES;LIBS;LABELS;VARIANT" ${ARGN})
    if(NOT T_NAME OR NOT T_SOURCES)
        message(FATAL_ERROR "tidings_add_test needs NAME and SOURCES")
    endif()
    add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE Qt6::Test ${T_LIBS})
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    set(env "TIDINGS_TEST_TMP=${CMAKE_CURRENT_BINARY_DIR}/${T_NAME}.tmp")
    if(NOT T_GUI)
        list(APPEND env "QT_QPA_PLATFORM=offscreen")
    endif()
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 300)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        ENVIRONMENT "${env}"
        TIMEOUT ${T_TIMEOUT}
        LABELS "${T_LABELS}")
    if(T_VARIANT)
        list(POP_FRONT T_VARIANT suffix)
        add_test(NAME ${T_NAME}_${suffix} COMMAND ${T_NAME})
        set_tests_properties(${T_NAME}_${suffix} PROPERTIES
            ENVIRONMENT "${env};${T_VARIANT}"
            TIMEOUT ${T_TIMEOUT}
            LABELS "${T_LABELS}")
    endif()
endfunction()
