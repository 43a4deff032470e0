# Warnings for the project's own targets. -Werror only where CI asks for it, so a newer compiler
# on a developer machine does not break the build.
function(balloonscope_set_warnings target)
    target_compile_options(${target} PRIVATE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough)
    # Not -Wnull-dereference: with optimisation GCC 12 reports Qt's own inline code through
    # pointers it cannot prove non-null (QString copies of members), which drowns real findings.
    if(BALLOONSCOPE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
endfunction()
