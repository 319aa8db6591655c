# The dashboard (web/): `npm run build` writes web/dist/, which `ricardo serve` serves; the
# server never runs Node. Built as part of the project's build when npm and web/node_modules
# (from `npm ci`, run by scripts/install-deps.sh) are present; otherwise skipped with a note,
# and the server's / explains how to build it.
set(RICARDO_WEB_DIR "${PROJECT_SOURCE_DIR}/web")
find_program(RICARDO_NPM npm)
if(RICARDO_NPM AND EXISTS "${RICARDO_WEB_DIR}/node_modules")
  file(GLOB_RECURSE RICARDO_WEB_SOURCES CONFIGURE_DEPENDS "${RICARDO_WEB_DIR}/src/*")
  add_custom_command(
    OUTPUT "${RICARDO_WEB_DIR}/dist/index.html"
    COMMAND "${RICARDO_NPM}" run build --silent
    WORKING_DIRECTORY "${RICARDO_WEB_DIR}"
    DEPENDS ${RICARDO_WEB_SOURCES} "${RICARDO_WEB_DIR}/index.html"
            "${RICARDO_WEB_DIR}/package-lock.json" "${RICARDO_WEB_DIR}/vite.config.ts"
            "${RICARDO_WEB_DIR}/tsconfig.json"
    COMMENT "Building the dashboard (web/dist) with npm"
    VERBATIM)
  add_custom_target(ricardo_web ALL DEPENDS "${RICARDO_WEB_DIR}/dist/index.html")
else()
  message(STATUS "Dashboard not built: needs npm and web/node_modules (scripts/install-deps.sh); "
                 "ricardo serve still serves the API")
endif()
