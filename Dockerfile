# The grading image for any CI (Ubuntu 24.04, .NET 10): the host, every grader and the reference, built
# once, with the reference's trainings already in .cache. One container grades one submission or a shard
# of a class; see README.md, "Grading in a container".
#   docker build -t gradinghost .
#   docker run --rm --privileged -v "$PWD/class:/class:ro" -v "$PWD/graded:/graded" gradinghost \
#     grade-all --assignment attention --submissions /class --out /graded
# --privileged: student code runs in a bubblewrap sandbox, which needs user and mount namespaces that a
# container's default seccomp profile refuses. Nothing else in the container is student-reachable.
FROM mcr.microsoft.com/dotnet/sdk:10.0-noble

ENV DEBIAN_FRONTEND=noninteractive \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    GRADINGHOST_NO_BUILD=1
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends bubblewrap util-linux \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /gradinghost
COPY . .
RUN ./grader/scripts/build.sh

# The reference's trainings are paid once, here, instead of by the first student of every container.
# Unsandboxed because only the course's own reference runs at this step (and a build has no namespaces).
ARG ASSIGNMENTS="attention layernorm multihead sampling scaling finetuning"
RUN for assignment in $ASSIGNMENTS; do \
      ./gradinghost grade --assignment "$assignment" --submission reference --out "/tmp/reference-$assignment" --unsandboxed || exit 1; \
    done \
 && rm -rf /tmp/reference-*

ENTRYPOINT ["/gradinghost/gradinghost"]
CMD ["list"]
