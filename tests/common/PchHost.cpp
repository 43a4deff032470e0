// The executable that makes a precompiled header the tests share (tests/CMakeLists.txt).
int main() {
    return 0;
}
