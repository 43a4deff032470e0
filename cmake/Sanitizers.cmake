# ASan + UBSan for the whole build when BALLOONSCOPE_SANITIZE is on (CI runs the tests this way).
if(BALLOONSCOPE_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()

# Fuzzing: every object is instrumented for coverage; the fuzz targets add the libFuzzer main.
if(BALLOONSCOPE_FUZZ)
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
