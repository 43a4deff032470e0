# What keeps builds short (CI has 2 cores and a time limit; docs/DEVELOPING.md "Build times"):
#
# - ccache, when installed, in front of every compile. Paths below the source tree are hashed
#   relative to it (CCACHE_BASEDIR) and the working directory is left out of the hash
#   (CCACHE_NOHASHDIR), so a fresh clone in another folder hits the objects an earlier clone
#   left in the cache. The price: a cache hit's debug info names the folder of the clone that
#   compiled it first. The sloppiness is what precompiled headers need (ccache manual,
#   "Precompiled headers").
# - Precompiled headers for the Qt-heavy targets (bs_precompile below).
# - mold as the linker when installed: the tests are ~120 executables linked against the same
#   static libraries with debug info.
option(BALLOONSCOPE_CCACHE "Compile through ccache when it is installed" ON)
option(BALLOONSCOPE_PCH "Precompiled headers for the Qt-heavy targets" ON)
option(BALLOONSCOPE_MOLD "Link with mold when it is installed" ON)

if(BALLOONSCOPE_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    find_program(BS_CCACHE_PROGRAM ccache)
    if(BS_CCACHE_PROGRAM)
        set(_bs_ccache_size 8G)
        if(DEFINED ENV{CCACHE_MAXSIZE})
            set(_bs_ccache_size $ENV{CCACHE_MAXSIZE})
        endif()
        set(CMAKE_CXX_COMPILER_LAUNCHER
            ${CMAKE_COMMAND} -E env
            CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}
            CCACHE_NOHASHDIR=true
            CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
            CCACHE_MAXSIZE=${_bs_ccache_size}
            ${BS_CCACHE_PROGRAM})
        message(STATUS "Compiling through ccache (${BS_CCACHE_PROGRAM})")
    endif()
endif()

if(BALLOONSCOPE_MOLD AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU"
   AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12.1)
    find_program(BS_MOLD_PROGRAM mold)
    if(BS_MOLD_PROGRAM)
        add_link_options(-fuse-ld=mold)
        message(STATUS "Linking with mold (${BS_MOLD_PROGRAM})")
    endif()
endif()

# bs_precompile(TARGET HEADERS...): a precompiled header of its own for TARGET.
# bs_precompile_reuse(TARGET FROM): TARGET uses FROM's, which needs the same compile flags and
# definitions (the test targets of one kind share one).
function(bs_precompile target)
    if(BALLOONSCOPE_PCH)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

function(bs_precompile_reuse target from)
    if(BALLOONSCOPE_PCH)
        target_precompile_headers(${target} REUSE_FROM ${from})
    endif()
endfunction()
