/* Baseline for `make bench`: read every file named on the command line and
 * run a bare libyaml event parse over it, nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
    size_t events = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            return 2;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf, f);
        fclose(f);
        yaml_parser_t p;
        yaml_parser_initialize(&p);
        yaml_parser_set_input_string(&p, (const unsigned char *)buf, n);
        for (;;) {
            yaml_event_t e;
            if (!yaml_parser_parse(&p, &e))
                break;
            int end = e.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&e);
            events++;
            if (end)
                break;
        }
        yaml_parser_delete(&p);
    }
    printf("%zu events\n", events);
    return 0;
}
