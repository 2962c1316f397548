# Builds the demarche binary (pure Go: the embedded store needs no cgo).
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o /out/demarche .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/demarche /usr/local/bin/demarche
COPY examples /examples
ENV DEMARCHE_ADDR=0.0.0.0:8080 DEMARCHE_DATA=/data
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/demarche"]
CMD ["serve"]
