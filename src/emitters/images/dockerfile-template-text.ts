/**
 * The default Dockerfile scaffold (docs/images.md documents the data it gets and how to
 * replace it). Every value is interpolated through `json` (a JSON string, which Dockerfile
 * ARG, ENV and exec-form instructions read as a quoted string, and which cannot break a line)
 * or `envName` (a checked variable name); nothing user-controlled is written raw. Build steps
 * that come from bootstrap actions stay commented out: EMR ran them on Amazon Linux nodes as
 * the hadoop user with sudo, and only a person can say what they mean in this image.
 */
export const DEFAULT_DOCKERFILE_TEMPLATE = `# Image scaffold written by emr2k8s (docs/images.md): review every step before building.
# Spark {{json sparkVersion}} on the stock {{json flavor}} image. Jobs that need this image:
{{#each jobs}}
#   {{json this}}
{{/each}}
#
# Build it, push it, then point these jobs at it (image.repository in emr2k8s.config.yaml, or
# override the image in \`emr2k8s review\`).

ARG BASE_IMAGE={{json baseImage}}
FROM \${BASE_IMAGE}

USER root
{{#each bootstrapActions}}

# bootstrap action {{json index}} {{json name}}: {{json path}}{{#each args}} {{json this}}{{/each}}
# It ran on every EMR node at start-up. Download it next to this Dockerfile, check that it
# works on this image's OS, then uncomment:
#   aws s3 cp {{json path}} {{json localPath}}
# COPY [{{json localPath}}, {{json imagePath}}]
# RUN ["bash", {{json imagePath}}{{#each args}}, {{json this}}{{/each}}]
{{/each}}
{{#if env.length}}

# spark-env exports: EMR's spark-env.sh set them for every Spark process.
{{#each env}}
{{#if emrPath}}
# A path of the EMR node; check that it exists in this image before uncommenting:
# ENV {{envName name}}={{json value}}
{{else}}
ENV {{envName name}}={{json value}}
{{/if}}
{{/each}}
{{/if}}
{{#each skippedEnv}}
# spark-env {{json name}} is not baked in: {{json why}}
{{/each}}

{{#if emr}}
USER hadoop:hadoop
{{else}}
USER 185
{{/if}}
`;
