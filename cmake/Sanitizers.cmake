# ASan + UBSan for the whole build when BALLOONSCOPE_SANITIZE is on (CI runs the tests this way).
# Fuzzing (BALLOONSCOPE_FUZZ, clang only): every object is instrumented for coverage and the fuzz
# targets add the libFuzzer main. Both at once (what CI builds, with clang): one build serves the
# sanitizer tests and the fuzzers, so the code is compiled once for both. The coverage hooks cost
# the tests little; the sanitizer runtime answers them when libFuzzer is not linked.
if(BALLOONSCOPE_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    if(BALLOONSCOPE_SANITIZE)
        add_compile_options(-fno-sanitize-recover=undefined)
    endif()
elseif(BALLOONSCOPE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
