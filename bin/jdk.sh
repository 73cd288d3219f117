# Sourced by bin/connect-oauth, bin/verify and .ci/run: exports JAVA_HOME (and PATH) for a JDK 21+.
# Keeps JAVA_HOME when it already names one; else takes `java` on the PATH when it is 21+; else the
# newest JDK 21+ in the usual install folders. Says in one line what to do when there is none.

# Prints the value of key $2 in the `release` file of the JDK in folder $1, without its quotes.
# Bash builtins only: the README's run command reads every installed JDK's file, and a sed per
# file cost 0.1 s of each start.
release_value() {
  local line
  [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    case $line in "$2="*) line=${line#"$2="}; echo "${line//\"/}"; return 0 ;; esac
  done <"$1/release"
}

# Prints the major version of the JDK in folder $1, or 0.
jdk_major() {
  local v
  v=$(release_value "$1" JAVA_VERSION)
  v=${v#1.}
  v=${v%%[!0-9]*}
  echo "${v:-0}"
}

is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(jdk_major "$1")" -ge 21 ]
}

select_jdk() {
  local candidate best="" best_major=0 major on_path
  if is_jdk21 "${JAVA_HOME:-}"; then
    best=$JAVA_HOME
  else
    on_path=$(command -v javac 2>/dev/null || true)
    [ -n "$on_path" ] && on_path=$(dirname "$(dirname "$(readlink -f "$on_path")")")
    if is_jdk21 "$on_path"; then
      best=$on_path
    else
      for candidate in /usr/lib/jvm/*/ /usr/java/*/ /opt/java/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ "$HOME"/.sdkman/candidates/java/*/; do
        candidate=${candidate%/}
        is_jdk21 "$candidate" || continue
        major=$(jdk_major "$candidate")
        if [ "$major" -gt "$best_major" ]; then
          best=$candidate best_major=$major
        fi
      done
    fi
  fi
  if [ -z "$best" ]; then
    echo "Connect OAuth needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm): install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
  # Maven 3.8's own Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every build.
  if [ "$(jdk_major "$JAVA_HOME")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *unsafe-memory-access* ]]; then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}
